package nl.doorbraak.tasks;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.signal.SignalContext;
import nl.doorbraak.signal.SignalOfRequestChanged;

/**
 * Keeps the "Signaal" line of a request's open tasks current: a task's context is written when the
 * task is created, and a request is often linked to a signal (or its signal answered) while its
 * assessment task is open. Runs in the transaction of the change.
 */
@Component
class SignalLineRefresh {

    private final TaskService taskService;
    private final SignalContext signals;

    SignalLineRefresh(TaskService taskService, SignalContext signals) {
        this.taskService = taskService;
        this.signals = signals;
    }

    @EventListener
    void on(SignalOfRequestChanged change) {
        String line = signals.lineFor(change.requestId()).orElse(null);
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(change.requestReference()).list()) {
            CaseContextVariables.putMember(taskService, task.getId(), "caseSignal", line);
        }
    }
}
