package nl.doorbraak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Every audit entry reads as one Dutch sentence; no Spring needed. */
class AuditSentencesTests {

    /** 10:14 in Amsterdam in winter (UTC+1). */
    private static final Instant WINTER = Instant.parse("2026-03-02T09:14:59.999999Z");
    private static final String REFERENCE = "NPLV-2026-00042";

    @Test
    void anEngineTaskEventNamesTheTaskAndWhoDidIt() {
        AuditEntry completed = entry(WINTER, "engine", "reviewer-szw", "Beoordelaar SZW", "task-completed",
                "Taak afgerond", "success", "task", "Beoordelen verzoek " + REFERENCE + " (SZW)", null,
                "{\"new\":{\"assignee\":\"reviewer-szw\",\"name\":\"Beoordelen verzoek\"}}");

        assertThat(AuditSentences.of(completed))
                .isEqualTo("2026-03-02 10:14 — Taak afgerond: Beoordelen verzoek NPLV-2026-00042 (SZW), "
                        + "door Beoordelaar SZW");
    }

    @Test
    void theEnginesRoutineDeleteReasonIsNoExplanationButAnIncidentMessageIs() {
        AuditEntry completed = entry(WINTER, "engine", "reviewer-szw", "Beoordelaar SZW", "task-completed",
                "Taak afgerond", "success", "task", "Intake", "completed", null);
        AuditEntry incident = entry(WINTER, "engine", null, null, "incident-created", "Storing ontstaan", "success",
                "incident", "Task_SendNotifications", "Mail server unreachable", null);

        assertThat(AuditSentences.of(completed)).isEqualTo("2026-03-02 10:14 — Taak afgerond: Intake, door "
                + "Beoordelaar SZW");
        assertThat(AuditSentences.of(incident)).isEqualTo("2026-03-02 10:14 — Storing ontstaan: "
                + "Task_SendNotifications, door het systeem. Toelichting: Mail server unreachable");
    }

    @Test
    void summerTimeIsDutchSummerTime() {
        AuditEntry created = entry(Instant.parse("2026-07-01T08:05:00Z"), "engine", null, null, "task-created",
                "Taak aangemaakt", "success", "task", "Intake verzoek " + REFERENCE, null, null);

        assertThat(AuditSentences.of(created))
                .isEqualTo("2026-07-01 10:05 — Taak aangemaakt: Intake verzoek NPLV-2026-00042, door het systeem");
    }

    @Test
    void anApplicationDecisionCarriesItsExplanationShortenedToOneLine() {
        String rationale = "Het experiment draagt bij aan de integrale aanpak.\n\nDe kostendelersnorm   verdrijft "
                + "jongvolwassenen. " + "Verder ".repeat(40);
        AuditEntry decision = entry(WINTER, "application", "programme-director", "Programmadirecteur NPLV",
                "decision-taken", "Besluit genomen: toegekend", "success", "decision", null, rationale, null);

        String sentence = AuditSentences.of(decision);

        assertThat(sentence).startsWith("2026-03-02 10:14 — Besluit genomen: toegekend, door Programmadirecteur NPLV. "
                + "Toelichting: Het experiment draagt bij aan de integrale aanpak. De kostendelersnorm verdrijft "
                + "jongvolwassenen. Verder Verder");
        assertThat(sentence).doesNotContain("\n").endsWith("…");
        String explanation = sentence.substring(sentence.indexOf("Toelichting: ") + "Toelichting: ".length());
        assertThat(explanation.codePointCount(0, explanation.length()))
                .isBetween(AuditSentences.EXPLANATION_LIMIT - 2, AuditSentences.EXPLANATION_LIMIT);
    }

    @Test
    void aResourceAfterAnActionWithAColonStandsInParentheses() {
        AuditEntry decision = entry(WINTER, "application", "programme-director", "Programmadirecteur NPLV",
                "decision-taken", "Besluit genomen: afgewezen", "success", "decision", "Kostendelersnorm",
                "Past niet.", null);

        assertThat(AuditSentences.of(decision)).isEqualTo("2026-03-02 10:14 — Besluit genomen: afgewezen "
                + "(Kostendelersnorm), door Programmadirecteur NPLV. Toelichting: Past niet.");
    }

    @Test
    void aRefusedAttemptWithoutAUserSaysItWasRefused() {
        AuditEntry refused = entry(WINTER, "application", null, null, "access-unauthenticated",
                "Toegang geweigerd: niet (juist) aangemeld", "refused", "endpoint",
                "GET /api/v1/requests/" + REFERENCE + "/audit-trail", null, null);

        assertThat(AuditSentences.of(refused)).isEqualTo("2026-03-02 10:14 — Toegang geweigerd: niet (juist) "
                + "aangemeld (GET /api/v1/requests/NPLV-2026-00042/audit-trail), door een onbekende gebruiker");
    }

    @Test
    void aRefusedOrFailedActionWhoseTextDoesNotSaySoGetsTheResult() {
        AuditEntry refused = entry(WINTER, "application", "rotterdam", "Indiener Rotterdam", "request-withdrawn",
                "Verzoek ingetrokken", "refused", "request", null, null, null);
        AuditEntry failed = entry(WINTER, "application", null, null, "notification-sent", "Bericht verstuurd",
                "failed", "notification", "Besluit op uw verzoek", null, null);

        assertThat(AuditSentences.of(refused))
                .isEqualTo("2026-03-02 10:14 — Verzoek ingetrokken, door Indiener Rotterdam; geweigerd");
        assertThat(AuditSentences.of(failed))
                .isEqualTo("2026-03-02 10:14 — Bericht verstuurd: Besluit op uw verzoek, door het systeem; mislukt");
    }

    @Test
    void aVariableUpdateShowsTheNewAndTheOldValue() {
        AuditEntry updated = entry(WINTER, "engine", "reviewer-szw", "Beoordelaar SZW", "variable-updated",
                "Gegeven gewijzigd", "success", "variable", "advice", null,
                "{\"new\":\"support-with-conditions\",\"old\":\"support\"}");
        AuditEntry created = entry(WINTER, "engine", "programme-office", "Medewerker Programmabureau",
                "variable-created", "Gegeven vastgelegd", "success", "variable", "ruleDomains", null,
                "{\"new\":\"[\\\"income-support\\\"]\"}");
        AuditEntry deleted = entry(WINTER, "engine", null, null, "variable-deleted", "Gegeven verwijderd", "success",
                "variable", "advice", null, null);

        assertThat(AuditSentences.of(updated)).isEqualTo("2026-03-02 10:14 — Gegeven gewijzigd: advice = "
                + "support-with-conditions (was: support), door Beoordelaar SZW");
        assertThat(AuditSentences.of(created)).isEqualTo("2026-03-02 10:14 — Gegeven vastgelegd: ruleDomains = "
                + "[\"income-support\"], door Medewerker Programmabureau");
        assertThat(AuditSentences.of(deleted))
                .isEqualTo("2026-03-02 10:14 — Gegeven verwijderd: advice, door het systeem");
    }

    @Test
    void aLongVariableValueIsShortened() {
        AuditEntry created = entry(WINTER, "engine", "municipality", null, "variable-created", "Gegeven vastgelegd",
                "success", "variable", "conflict", null, "{\"new\":\"" + "x".repeat(500) + "\"}");

        String sentence = AuditSentences.of(created);

        assertThat(sentence).isEqualTo("2026-03-02 10:14 — Gegeven vastgelegd: conflict = "
                + "x".repeat(AuditSentences.VALUE_LIMIT - 1) + "…, door municipality");
    }

    @Test
    void aDecisionEvaluationShowsItsOutcome() {
        AuditEntry evaluated = entry(WINTER, "engine", "programme-office", "Medewerker Programmabureau",
                "decision-evaluated", "Beslistabel geëvalueerd", "success", "decision", "Verantwoordelijke ministeries",
                null, "{\"new\":[{\"ministry\":\"szw\",\"rule\":\"r1\"},{\"ministry\":\"vws\",\"rule\":\"r4\"}],"
                        + "\"old\":{\"Beleidsdomein\":\"income-support\"}}");
        AuditEntry nothing = entry(WINTER, "engine", null, null, "decision-evaluated", "Beslistabel geëvalueerd",
                "success", "decision", "Verantwoordelijke ministeries", null, "{\"new\":[],\"old\":{}}");

        assertThat(AuditSentences.of(evaluated)).isEqualTo("2026-03-02 10:14 — Beslistabel geëvalueerd: "
                + "Verantwoordelijke ministeries — uitkomst: ministry = szw; ministry = vws, door Medewerker "
                + "Programmabureau");
        assertThat(AuditSentences.of(nothing)).isEqualTo("2026-03-02 10:14 — Beslistabel geëvalueerd: "
                + "Verantwoordelijke ministeries — uitkomst: geen regel van toepassing, door het systeem");
    }

    @Test
    void missingTextsAndLineBreaksNeverBreakTheSentence() {
        AuditEntry bare = entry(WINTER, "application", "auditor", null, "audit-trail-read", null, "success",
                "audit-trail", REFERENCE + "\r\n", "  \n ", "not json");

        assertThat(AuditSentences.of(bare))
                .isEqualTo("2026-03-02 10:14 — audit-trail-read: NPLV-2026-00042, door auditor");
    }

    @Test
    void aResourceTheActionAlreadyNamesIsNotRepeated() {
        AuditEntry read = entry(WINTER, "application", "auditor", "Auditor Auditdienst Rijk", "audit-trail-read",
                "Audittrail ingezien", "success", "audit-trail", REFERENCE, null, null);
        AuditEntry assigned = entry(WINTER, "engine", "programme-office", "Medewerker Programmabureau",
                "task-assignee-added", "Taak toegewezen aan programme-office", "success", "task", "programme-office",
                null, null);

        assertThat(AuditSentences.of(read))
                .isEqualTo("2026-03-02 10:14 — Audittrail ingezien: NPLV-2026-00042, door Auditor Auditdienst Rijk");
        assertThat(AuditSentences.of(assigned)).isEqualTo("2026-03-02 10:14 — Taak toegewezen aan programme-office, "
                + "door Medewerker Programmabureau");
    }

    private static AuditEntry entry(Instant at, String source, String userId, String userDisplay, String action,
                                    String actionDisplay, String result, String resourceType, String resourceDisplay,
                                    String explanation, String changes) {
        return new AuditEntry(1, REFERENCE, 7, at, source, "doorbraak", userId, userDisplay, action, actionDisplay,
                result, resourceType, "id-1", resourceDisplay, explanation, changes, "trace-1", AuditHashes.GENESIS,
                "f".repeat(64));
    }
}
