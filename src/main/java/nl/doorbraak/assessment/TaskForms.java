package nl.doorbraak.assessment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.reference.RuleDomain;
import nl.doorbraak.request.BudgetLine;
import nl.doorbraak.request.BudgetLines;
import nl.doorbraak.request.BudgetPoolingSchema;
import nl.doorbraak.request.RuleChangeSchema;

/**
 * The rules of every task form (forms/*.form), by task definition key. The same schema checks a
 * form submitted in Tasklist (through {@link TaskInput}) and a completion through the API.
 */
@Component
class TaskForms {

    static final Map<String, String> ADVICES = Advice.LABELS;
    static final Map<String, String> OUTCOMES = Map.of(
            "granted", "Toegekend", "partly-granted", "Deels toegekend", "rejected", "Afgewezen");
    static final Set<String> INSTRUMENTS_WITH_EVALUATION = Set.of("experiment", "temporary-exemption");

    static final Map<String, String> INTAKE_OUTCOMES = Map.of(
            "complete", "Volledig", "information-needed", "Informatie opvragen");
    static final Map<String, String> CO_SIGN_OUTCOMES = Map.of(
            "co-signed", "Medeondertekend", "refused", "Geweigerd");
    static final Map<String, String> ACCOUNTABILITY_CONCLUSIONS = Map.of(
            "approved", "Goedgekeurd", "approved-with-remarks", "Goedgekeurd met opmerkingen", "rejected", "Afgekeurd");

    private final Map<String, InputSchema> schemas;
    private final BudgetLines budgetLines;
    private final ReferenceData referenceData;

    TaskForms(ReferenceData referenceData, BudgetLines budgetLines) {
        this.budgetLines = budgetLines;
        this.referenceData = referenceData;
        this.schemas = Map.ofEntries(Map.entry("Task_Intake", InputSchema.builder()
                        .choice("intakeOutcome", "Uitkomst intake", true, () -> INTAKE_OUTCOMES)
                        .choices("ruleDomains", "Regeldomeinen", true, () -> ruleDomains(referenceData))
                        .choices("extraMinistries", "Extra ministeries", false, () -> ministries(referenceData))
                        .text("intakeNote", "Notitie", false, 5000)
                        .when(values -> "information-needed".equals(values.get("intakeOutcome")))
                        .text("informationQuestion", "Vraag aan de gemeente", true, 5000)
                        .build()),
                Map.entry("Task_ProvideInformation", InputSchema.builder()
                        .text("informationAnswer", "Uw antwoord", true, 10_000)
                        .build()),
                Map.entry("Task_Assess", InputSchema.builder()
                        .choice("assessmentOutcome", "Uitkomst", true,
                                () -> Map.of("advice", "Advies uitbrengen", "information-needed", "Informatie opvragen"))
                        .when(values -> "advice".equals(values.get("assessmentOutcome")))
                        .choice("advice", "Advies", true, () -> ADVICES)
                        .text("rationale", "Onderbouwing", true, 10_000)
                        .choice("proposedInstrument", "Voorgesteld instrument", false, () -> RuleChangeSchema.INSTRUMENTS)
                        .when(values -> "advice".equals(values.get("assessmentOutcome"))
                                && "support-with-conditions".equals(values.get("advice")))
                        .text("conditions", "Voorwaarden", true, 10_000)
                        .when(values -> "information-needed".equals(values.get("assessmentOutcome")))
                        .text("informationQuestion", "Vraag aan de gemeente", true, 5000)
                        .build()),
                Map.entry("Task_Escalate", InputSchema.builder()
                        .text("escalationNote", "Genomen actie", true, 5000)
                        .build()),
                Map.entry("Task_Coordinate", InputSchema.builder()
                        .text("coordinationSummary", "Uitkomst van het interdepartementaal overleg", true, 10_000)
                        .build()),
                Map.entry("Task_Decide", InputSchema.builder()
                        .choice("decisionOutcome", "Besluit", true, () -> OUTCOMES)
                        .text("rationale", "Motivering", true, 10_000)
                        .text("conditions", "Voorwaarden", false, 10_000)
                        .when(TaskForms::notRejected)
                        .choice("instrument", "Instrument", true, () -> RuleChangeSchema.INSTRUMENTS)
                        .date("effectiveDate", "Ingangsdatum", true)
                        // Set.of(...).contains(null) throws: a missing instrument is reported, not a crash
                        .when(values -> notRejected(values) && values.get("instrument") instanceof String instrument
                                && INSTRUMENTS_WITH_EVALUATION.contains(instrument))
                        .date("evaluationDate", "Evaluatiedatum", true)
                        .check(TaskForms::evaluationAfterEffectiveDate)
                        .build()),
                Map.entry("Task_DeliverEvaluation", InputSchema.builder()
                        .text("evaluationReport", "Evaluatie", true, 20_000)
                        .build()),
                Map.entry("Task_AssessEvaluation", InputSchema.builder()
                        .choice("evaluationConclusion", "Conclusie", true, () -> Map.of(
                                "continue", "Voortzetten", "make-structural", "Structureel maken", "stop", "Beëindigen"))
                        .text("evaluationNote", "Toelichting", false, 5000)
                        .build()),
                Map.entry("Task_CheckBudgetLines", InputSchema.builder()
                        .choice("intakeOutcome", "Uitkomst intake", true, () -> INTAKE_OUTCOMES)
                        .text("intakeNote", "Notitie", false, 5000)
                        .when(values -> "information-needed".equals(values.get("intakeOutcome")))
                        .text("informationQuestion", "Vraag aan de gemeente", true, 5000)
                        .build()),
                Map.entry("Task_CoSign", InputSchema.builder()
                        .choice("coSignOutcome", "Medeondertekening", true, () -> CO_SIGN_OUTCOMES)
                        .text("coSignNote", "Toelichting", false, 5000)
                        .check(values -> explained(values, "coSignNote", "refused".equals(values.get("coSignOutcome")),
                                "Toelichting is verplicht als Financiën weigert mede te ondertekenen."))
                        .build()),
                Map.entry("Task_DeliverAccountability", InputSchema.builder()
                        .text("accountabilityReport", "Verantwoording", true, 20_000)
                        .amount("spentAmount", "Besteed bedrag", true, true, BudgetPoolingSchema.MAX_LINE_AMOUNT
                                .multiply(java.math.BigDecimal.TEN))
                        .build()),
                Map.entry("Task_CheckAccountability", InputSchema.builder()
                        .choice("accountabilityConclusion", "Conclusie", true, () -> ACCOUNTABILITY_CONCLUSIONS)
                        .text("accountabilityNote", "Toelichting", false, 5000)
                        .check(values -> explained(values, "accountabilityNote",
                                values.get("accountabilityConclusion") != null
                                        && !"approved".equals(values.get("accountabilityConclusion")),
                                "Toelichting is verplicht als de verantwoording niet zonder meer wordt goedgekeurd."))
                        .build()));
    }

    /**
     * The rules of a task's form. The decision on a budget-pooling request is checked against
     * that request's budget lines, so its rules depend on the case.
     */
    Optional<InputSchema> schemaFor(String taskDefinitionKey, UUID requestId) {
        if ("Task_DecidePooling".equals(taskDefinitionKey)) {
            return Optional.of(poolingDecision(budgetLines.of(requestId)));
        }
        return Optional.ofNullable(schemas.get(taskDefinitionKey));
    }

    private InputSchema poolingDecision(List<BudgetLine> lines) {
        return InputSchema.builder()
                .choice("decisionOutcome", "Besluit", true, () -> OUTCOMES)
                .text("rationale", "Motivering", true, 10_000)
                .text("conditions", "Voorwaarden", false, 10_000)
                .when(TaskForms::notRejected)
                .choice("instrument", "Instrument", true, () -> BudgetPoolingSchema.INSTRUMENTS)
                .date("effectiveDate", "Ingangsdatum", true)
                .when(values -> "partly-granted".equals(values.get("decisionOutcome")))
                .rows("grantedLines", "Toe te kennen bedragen", true, lines.size(), "Budgetregel", InputSchema.builder()
                        .choice("ministry", "Ministerie", true, () -> ministries(referenceData))
                        .amount("grantedAmount", "Toegekend bedrag", true, true, BudgetPoolingSchema.MAX_LINE_AMOUNT)
                        .text("line", "Budgetregel", false, 1000)
                        .build())
                .checkAll(values -> GrantedLines.check(values, lines, this::abbreviation))
                .build();
    }

    private String abbreviation(String ministryCode) {
        return referenceData.ministry(ministryCode).map(Ministry::abbreviation).orElse(ministryCode);
    }

    private static Optional<FieldError> explained(Map<String, Object> values, String key, boolean needed,
                                                  String message) {
        return needed && values.get(key) == null ? Optional.of(new FieldError(key, message)) : Optional.empty();
    }

    private static boolean notRejected(Map<String, Object> values) {
        return values.get("decisionOutcome") != null && !"rejected".equals(values.get("decisionOutcome"));
    }

    private static Optional<FieldError> evaluationAfterEffectiveDate(Map<String, Object> values) {
        if (values.get("evaluationDate") instanceof LocalDate evaluation
                && values.get("effectiveDate") instanceof LocalDate effective && !evaluation.isAfter(effective)) {
            return Optional.of(new FieldError("evaluationDate", "Evaluatiedatum moet na de ingangsdatum liggen."));
        }
        return Optional.empty();
    }

    private static Map<String, String> ruleDomains(ReferenceData referenceData) {
        Map<String, String> domains = new LinkedHashMap<>();
        for (RuleDomain domain : referenceData.ruleDomains()) {
            domains.put(domain.code(), domain.name());
        }
        return domains;
    }

    private static Map<String, String> ministries(ReferenceData referenceData) {
        Map<String, String> ministries = new LinkedHashMap<>();
        for (Ministry ministry : referenceData.ministries()) {
            ministries.put(ministry.code(), ministry.abbreviation());
        }
        return ministries;
    }
}
