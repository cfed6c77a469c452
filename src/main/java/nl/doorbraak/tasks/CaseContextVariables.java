package nl.doorbraak.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * How a task carries its case context: the four values Tasklist's filters show as columns
 * ({@code caseReference}, {@code caseMunicipality}, {@code caseFocusArea}, {@code caseTitle}) as
 * task-local variables of their own, everything else as one task-local JSON variable {@code case}
 * whose members the forms show by path ({@code case.history} for what the task API calls
 * {@code caseHistory}). One variable instead of a dozen: each variable is a row, a history event
 * and an audit entry per task.
 */
public final class CaseContextVariables {

    /** The task-local JSON variable with the context the filters do not show. */
    public static final String VARIABLE = "case";
    static final List<String> COLUMNS = List.of("caseReference", "caseMunicipality", "caseFocusArea", "caseTitle");

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseContextVariables() {
    }

    /** Stores the context ({@code caseX} keys) on the task. */
    static void store(DelegateTask task, Map<String, ?> context) {
        Map<String, Object> members = new LinkedHashMap<>();
        context.forEach((key, value) -> {
            if (COLUMNS.contains(key)) {
                task.setVariableLocal(key, value);
            } else {
                members.put(member(key), value);
            }
        });
        try {
            task.setVariableLocal(VARIABLE, SpinValues.jsonValue(JSON.writeValueAsString(members)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case context is always serialisable", e);
        }
    }

    /**
     * Adds context ({@code caseX} keys, none of the filter columns) to a task being created, after
     * {@code caseContext} stored the case's: implementation tracking's listener adds the decision
     * and the stages.
     */
    static void add(DelegateTask task, Map<String, ?> context) {
        Object stored = task.getVariableLocal(VARIABLE);
        try {
            Map<String, Object> members = stored == null ? new LinkedHashMap<>()
                    : JSON.readValue(stored.toString(), new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            context.forEach((key, value) -> members.put(member(key), value));
            task.setVariableLocal(VARIABLE, SpinValues.jsonValue(JSON.writeValueAsString(members)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case context is always serialisable", e);
        }
    }

    /** Sets one member of an open task's JSON context ({@code signal} for {@code caseSignal}); null removes it. */
    static void putMember(TaskService taskService, String taskId, String key, Object value) {
        Object members = taskService.getVariableLocal(taskId, VARIABLE);
        try {
            Map<String, Object> parsed = members == null ? new LinkedHashMap<>()
                    : JSON.readValue(members.toString(), new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            if (value == null) {
                parsed.remove(member(key));
            } else {
                parsed.put(member(key), value);
            }
            taskService.setVariableLocal(taskId, VARIABLE, SpinValues.jsonValue(JSON.writeValueAsString(parsed)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The case context of task " + taskId + " is not JSON", e);
        }
    }

    /** The task's context as the task API shows it: every value under its {@code caseX} key. */
    public static Map<String, Object> of(TaskService taskService, String taskId) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            Object value = taskService.getVariableLocal(taskId, column);
            if (value != null) {
                context.put(column, value);
            }
        }
        Object members = taskService.getVariableLocal(taskId, VARIABLE);
        if (members != null) {
            try {
                Map<String, Object> parsed = JSON.readValue(members.toString(), new TypeReference<>() {
                });
                parsed.forEach((member, value) -> context.put(key(member), value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The case context of task " + taskId + " is not JSON", e);
            }
        }
        return context;
    }

    /** {@code caseHistory} is the member {@code history}. */
    static String member(String key) {
        return Character.toLowerCase(key.charAt(4)) + key.substring(5);
    }

    private static String key(String member) {
        return "case" + member.substring(0, 1).toUpperCase(Locale.ROOT) + member.substring(1);
    }
}
