package nl.doorbraak.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.InputSchema;

/**
 * Validates a task's input on the server when the task is completed, however it is completed:
 * Tasklist validates only in the browser. Invalid input throws, which rolls the completion back
 * (the task stays open, nothing changes) and shows the Dutch message in Tasklist. Valid values
 * are stored as plain typed variables: lists as JSON lists, dates as dates.
 */
@Component("taskInput")
class TaskInput implements TaskListener {

    private final TaskForms forms;

    TaskInput(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        InputSchema schema = forms.schemaFor(task.getTaskDefinitionKey()).orElseThrow(() ->
                new IllegalStateException("No form rules for task " + task.getTaskDefinitionKey()));
        Map<String, Object> input = new HashMap<>();
        for (String key : schema.keys()) {
            input.put(key, task.getVariable(key));
        }
        schema.validate(input, false).forEach((key, value) -> task.setVariable(key, typed(value)));
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
