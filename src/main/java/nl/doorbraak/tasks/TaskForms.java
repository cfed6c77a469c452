package nl.doorbraak.tasks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.TaskFormRules;

/**
 * The rules of every task form, asked of the stages that own them (assessment, decision): the
 * same rules check a form submitted in Tasklist (through {@link TaskInput}) and a completion
 * through the API or the web pages ({@link TaskCompletion}).
 */
@Component
class TaskForms {

    private final List<TaskFormRules> stages;

    TaskForms(List<TaskFormRules> stages) {
        this.stages = stages;
    }

    Optional<InputSchema> schemaFor(String taskDefinitionKey, UUID requestId) {
        return stages.stream().map(stage -> stage.rulesFor(taskDefinitionKey, requestId)).flatMap(Optional::stream)
                .findFirst();
    }
}
