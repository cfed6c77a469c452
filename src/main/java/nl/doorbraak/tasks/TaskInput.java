package nl.doorbraak.tasks;

import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.request.CaseVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.request.Requests;
import nl.doorbraak.signal.Signals;

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
    private final Signals signals;

    TaskInput(TaskForms forms, Requests requests, Signals signals) {
        this.forms = forms;
        this.requests = requests;
        this.signals = signals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // a timer, an error or a withdrawal ended the task: there is no input to check
        }
        // a colleague who completed the same task a moment earlier holds the case until committed;
        // after that the task is gone from the database and this completion is refused as a conflict
        boolean ofACase = execution.getVariable(CaseVariables.REQUEST_ID) != null;
        if (ofACase) {
            requests.lock(CaseVariables.requestId(execution));
        } else {
            signals.lock(java.util.UUID.fromString((String) execution.getVariable(CaseContext.SIGNAL_ID)));
        }
        // read from the database, not the command's cache; the engine's task query would also
        // check authorizations, which the completing command has done already
        if (Context.getCommandContext().getTaskManager().findTasksByExecutionId(execution.getId()).stream()
                .noneMatch(task -> execution.getCurrentActivityId().equals(task.getTaskDefinitionKey()))) {
            throw new ConflictException("Deze taak is al afgerond.");
        }
        InputSchema schema = forms.schemaFor(execution.getCurrentActivityId(),
                        ofACase ? CaseVariables.requestId(execution) : null)
                .orElseThrow(() ->
                new IllegalStateException("No form rules for task " + execution.getCurrentActivityId()));
        Map<String, Object> input = new HashMap<>();
        for (String key : schema.keys()) {
            input.put(key, execution.getVariable(key));
        }
        Values values = schema.validate(input, false);
        // a field that does not apply this time (hidden, left empty) is cleared, so a value from an
        // earlier round (an earlier budget year, an earlier question) never counts again
        for (String key : schema.keys()) {
            execution.setVariable(key, typed(values.get(key)));
        }
    }

    /** Amounts become exact decimal strings ("2400000.00"): a JSON variable would turn them into doubles. */
    static Object typed(Object value) {
        if (value instanceof LocalDate date) {
            return Date.from(date.atStartOfDay(CaseClock.DUTCH_TIME).toInstant());
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(typed(item)));
            return items;
        }
        if (value instanceof Values row) {
            return typed(row.asMap());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new java.util.LinkedHashMap<>();
            map.forEach((key, item) -> object.put(String.valueOf(key), typed(item)));
            return object;
        }
        return value;
    }
}
