package nl.doorbraak.platform.validation;

import java.util.Optional;
import java.util.UUID;

/**
 * The server-side rules of the forms ({@code forms/*.form}) of one stage's user tasks. Each stage
 * declares the rules of its own tasks; whoever completes a task (Tasklist through the engine, the
 * task API, the web pages) asks every stage and applies the rules of the one that has them.
 */
public interface TaskFormRules {

    /**
     * The rules of the task's form, or empty when the task is not this stage's. The case is given
     * because some rules depend on it (a partial grant is checked against its budget lines).
     */
    Optional<InputSchema> rulesFor(String taskDefinitionKey, UUID requestId);
}
