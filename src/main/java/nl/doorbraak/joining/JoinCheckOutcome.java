package nl.doorbraak.joining;

import nl.doorbraak.platform.validation.Vocabulary;

/** What the programme office concludes when it checks a request to join. */
enum JoinCheckOutcome implements Vocabulary {
    COMPARABLE("Vergelijkbaar: ter bevestiging naar het ministerie"),
    NOT_COMPARABLE("Niet vergelijkbaar: afwijzen met motivering"),
    INFORMATION_NEEDED("Informatie opvragen bij de gemeente");

    private final String label;

    JoinCheckOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
