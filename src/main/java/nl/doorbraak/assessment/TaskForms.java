package nl.doorbraak.assessment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.doorbraak.platform.FieldError;
import nl.doorbraak.platform.InputSchema;
import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.reference.RuleDomain;
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

    private final Map<String, InputSchema> schemas;

    TaskForms(ReferenceData referenceData) {
        this.schemas = Map.of(
                "Task_Intake", InputSchema.builder()
                        .choice("intakeOutcome", "Uitkomst intake", true,
                                () -> Map.of("complete", "Volledig", "information-needed", "Informatie opvragen"))
                        .choices("ruleDomains", "Regeldomeinen", true, () -> ruleDomains(referenceData))
                        .choices("extraMinistries", "Extra ministeries", false, () -> ministries(referenceData))
                        .text("intakeNote", "Notitie", false, 5000)
                        .when(values -> "information-needed".equals(values.get("intakeOutcome")))
                        .text("informationQuestion", "Vraag aan de gemeente", true, 5000)
                        .build(),
                "Task_ProvideInformation", InputSchema.builder()
                        .text("informationAnswer", "Uw antwoord", true, 10_000)
                        .build(),
                "Task_Assess", InputSchema.builder()
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
                        .build(),
                "Task_Escalate", InputSchema.builder()
                        .text("escalationNote", "Genomen actie", true, 5000)
                        .build(),
                "Task_Coordinate", InputSchema.builder()
                        .text("coordinationSummary", "Uitkomst van het interdepartementaal overleg", true, 10_000)
                        .build(),
                "Task_Decide", InputSchema.builder()
                        .choice("decisionOutcome", "Besluit", true, () -> OUTCOMES)
                        .text("rationale", "Motivering", true, 10_000)
                        .text("conditions", "Voorwaarden", false, 10_000)
                        .when(TaskForms::notRejected)
                        .choice("instrument", "Instrument", true, () -> RuleChangeSchema.INSTRUMENTS)
                        .date("effectiveDate", "Ingangsdatum", true)
                        .when(values -> notRejected(values)
                                && INSTRUMENTS_WITH_EVALUATION.contains(values.get("instrument")))
                        .date("evaluationDate", "Evaluatiedatum", true)
                        .check(TaskForms::evaluationAfterEffectiveDate)
                        .build(),
                "Task_DeliverEvaluation", InputSchema.builder()
                        .text("evaluationReport", "Evaluatie", true, 20_000)
                        .build(),
                "Task_AssessEvaluation", InputSchema.builder()
                        .choice("evaluationConclusion", "Conclusie", true, () -> Map.of(
                                "continue", "Voortzetten", "make-structural", "Structureel maken", "stop", "Beëindigen"))
                        .text("evaluationNote", "Toelichting", false, 5000)
                        .build());
    }

    Optional<InputSchema> schemaFor(String taskDefinitionKey) {
        return Optional.ofNullable(schemas.get(taskDefinitionKey));
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
