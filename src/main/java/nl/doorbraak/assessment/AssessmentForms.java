package nl.doorbraak.assessment;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.TaskFormRules;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RuleChangeSchema;

/** The rules of the assessment stage's forms: intake, information, assessment, escalation (of the assessment and of every overdue step), coordination. */
@Component
class AssessmentForms implements TaskFormRules {

    private final Map<String, InputSchema> rules;
    private final InputSchema escalation = InputSchema.builder()
            .text("escalationNote", "Genomen actie", true, 5000)
            .build();

    AssessmentForms(ReferenceData referenceData, NationalRules nationalRules) {
        this.rules = Map.of(
                AssessmentTasks.INTAKE, InputSchema.builder()
                        .choice("intakeOutcome", "Uitkomst intake", true, () -> Vocabulary.labels(IntakeOutcome.class))
                        .choices("ruleDomains", "Regeldomeinen", true, referenceData::ruleDomainChoices)
                        .choices("extraMinistries", "Extra ministeries", false, referenceData::ministryChoices)
                        // the rule the request is about, as the intake links or corrects it (ConfirmRouting records it)
                        .choice("nationalRule", "Regeling uit de catalogus", false, nationalRules::choices)
                        .text("article", "Artikel", false, 100)
                        .text("intakeNote", "Notitie", false, 5000)
                        .when(values -> IntakeOutcome.INFORMATION_NEEDED.is(values.get("intakeOutcome")))
                        .text("informationQuestion", "Vraag aan de gemeente", true, 5000)
                        .build(),
                AssessmentTasks.CHECK_BUDGET_LINES, InputSchema.builder()
                        .choice("intakeOutcome", "Uitkomst intake", true, () -> Vocabulary.labels(IntakeOutcome.class))
                        .text("intakeNote", "Notitie", false, 5000)
                        .when(values -> IntakeOutcome.INFORMATION_NEEDED.is(values.get("intakeOutcome")))
                        .text("informationQuestion", "Vraag aan de gemeente", true, 5000)
                        .build(),
                AssessmentTasks.PROVIDE_INFORMATION, InputSchema.builder()
                        .text("informationAnswer", "Uw antwoord", true, 10_000)
                        .build(),
                AssessmentTasks.ASSESS, InputSchema.builder()
                        .choice("assessmentOutcome", "Uitkomst", true, () -> Vocabulary.labels(AssessmentOutcome.class))
                        .when(values -> AssessmentOutcome.ADVICE.is(values.get("assessmentOutcome")))
                        .choice("advice", "Advies", true, () -> Vocabulary.labels(AdviceKind.class))
                        .text("rationale", "Onderbouwing", true, 10_000)
                        .choice("proposedInstrument", "Voorgesteld instrument", false, () -> RuleChangeSchema.INSTRUMENTS)
                        .when(values -> AssessmentOutcome.ADVICE.is(values.get("assessmentOutcome"))
                                && AdviceKind.SUPPORT_WITH_CONDITIONS.is(values.get("advice")))
                        .text("conditions", "Voorwaarden", true, 10_000)
                        .when(values -> AssessmentOutcome.INFORMATION_NEEDED.is(values.get("assessmentOutcome")))
                        .text("informationQuestion", "Vraag aan de gemeente", true, 5000)
                        .build(),
                AssessmentTasks.ESCALATE, escalation,
                AssessmentTasks.COORDINATE, InputSchema.builder()
                        .text("coordinationSummary", "Uitkomst van het interdepartementaal overleg", true, 10_000)
                        .build());
    }

    @Override
    public Optional<InputSchema> rulesFor(String taskDefinitionKey, UUID requestId) {
        if (taskDefinitionKey.startsWith(AssessmentTasks.ESCALATE_STEP_PREFIX)) {
            return Optional.of(escalation);
        }
        return Optional.ofNullable(rules.get(taskDefinitionKey));
    }
}
