package nl.doorbraak.signal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.TaskFormRules;
import nl.doorbraak.platform.validation.Vocabulary;

/** The rules of the signal's task forms: the structural answer and the escalation. */
@Component
class SignalForms implements TaskFormRules {

    static final String ANSWER = SignalTasks.ANSWER;
    static final String ESCALATE = SignalTasks.ESCALATE;

    private final Map<String, InputSchema> rules = Map.of(
            ANSWER, InputSchema.builder()
                    .choice("answerKind", "Soort antwoord", true, () -> Vocabulary.labels(AnswerKind.class))
                    .text("answer", "Structureel antwoord", true, 10_000)
                    .when(values -> AnswerKind.NO_CHANGE.is(values.get("answerKind")))
                    .text("answerReasons", "Redenen om de regel niet aan te passen", true, 10_000)
                    .build(),
            ESCALATE, InputSchema.builder()
                    .text("escalationNote", "Genomen actie", true, 5000)
                    .build());

    @Override
    public Optional<InputSchema> rulesFor(String taskDefinitionKey, UUID requestId) {
        return Optional.ofNullable(rules.get(taskDefinitionKey));
    }
}
