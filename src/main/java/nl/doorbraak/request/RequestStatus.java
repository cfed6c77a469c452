package nl.doorbraak.request;

import java.util.Optional;

import nl.doorbraak.platform.validation.Vocabulary;

/** Where a request stands, as the case file records it and a person reads it. */
public enum RequestStatus implements Vocabulary {
    SUBMITTED("Ingediend"),
    INTAKE("In intake bij het programmabureau"),
    INFORMATION_REQUESTED("Informatie gevraagd aan de gemeente"),
    ASSESSMENT("In beoordeling bij de ministeries"),
    COORDINATION("In interdepartementale afstemming"),
    DECISION("Wacht op besluit"),
    CO_SIGNATURE("Wacht op medeondertekening door Financiën"),
    DECIDED("Besloten"),
    EVALUATION("Evaluatie gevraagd"),
    EVALUATED("Geëvalueerd"),
    ACCOUNTABILITY("Verantwoording over het gebundelde budget"),
    ACCOUNTED("Verantwoording afgerond"),
    WITHDRAWN("Ingetrokken"),
    LAPSED("Vervallen"),
    JOIN_CONFIRMATION("Wacht op bevestiging door het ministerie"),
    ENDED("Beëindigd"),
    DECISION_REVOKED("Besluit ingetrokken");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** After these nothing happens to the request any more. */
    public boolean isFinal() {
        return this == EVALUATED || this == ACCOUNTED || this == WITHDRAWN || this == LAPSED || this == ENDED
                || this == DECISION_REVOKED;
    }

    public static Optional<RequestStatus> ofCode(String code) {
        return Vocabulary.ofCode(RequestStatus.class, code);
    }

    /** The Dutch label of a status code; an unknown code is shown as it is. */
    public static String labelOf(String code) {
        return Vocabulary.labelOf(RequestStatus.class, code);
    }
}
