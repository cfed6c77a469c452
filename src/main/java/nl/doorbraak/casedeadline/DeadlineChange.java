package nl.doorbraak.casedeadline;

import nl.doorbraak.platform.validation.Vocabulary;

/** What happened to a case deadline, as its history lists it. */
enum DeadlineChange implements Vocabulary {
    SET("Doorlooptijd vastgesteld"),
    SUSPENDED("Doorlooptijd opgeschort"),
    RESUMED("Doorlooptijd hervat"),
    EXTENDED("Doorlooptijd verlengd"),
    PASSED("Doorlooptijd verstreken"),
    CLOSED("Doorlooptijd afgesloten");

    private final String label;

    DeadlineChange(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
