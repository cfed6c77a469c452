package nl.doorbraak.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.InputSchema;
import nl.doorbraak.request.Requests;

/**
 * Validates a user task's input on the server when the task is completed, however it is
 * completed: Tasklist validates only in the browser. Invalid input throws, which rolls the
 * completion back (the task stays open, nothing changes). It listens to the end of the task's
 * activity rather than to the task itself because the engine passes an execution listener's
 * exception on unchanged, so Tasklist shows the plain Dutch message. Valid values are stored as
 * plain typed variables: lists as JSON lists, dates as dates.
 */
@Component("taskInput")
class TaskInput implements ExecutionListener {

    private final TaskForms forms;
    private final Requests requests;

    TaskInput(TaskForms forms, Requests requests) {
        this.forms = forms;
        this.requests = requests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // a timer, an error or a withdrawal ended the task: there is no input to check
        }
        // a colleague who completed the same task a moment earlier holds the case until committed;
        // after that the task is gone from the database and this completion is refused as a conflict
        requests.lock(ProcessVariables.requestId(execution));
        if (execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .executionId(execution.getId()).taskDefinitionKey(execution.getCurrentActivityId()).count() == 0) {
            throw new ConflictException("Deze taak is al afgerond.");
        }
        InputSchema schema = forms.schemaFor(execution.getCurrentActivityId()).orElseThrow(() ->
                new IllegalStateException("No form rules for task " + execution.getCurrentActivityId()));
        Map<String, Object> input = new HashMap<>();
        for (String key : schema.keys()) {
            input.put(key, execution.getVariable(key));
        }
        schema.validate(input, false).forEach((key, value) -> execution.setVariable(key, typed(value)));
    }

    static Object typed(Object value) {
        if (value instanceof LocalDate date) {
            return Date.from(date.atStartOfDay(Deadlines.DUTCH_TIME).toInstant());
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return value;
    }
}
