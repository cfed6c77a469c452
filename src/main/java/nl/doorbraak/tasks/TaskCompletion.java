package nl.doorbraak.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;

/**
 * Completing a task outside Tasklist — through the API or the web pages — with the rules of the
 * task's form, as the user (so the audit trail names them), and a task completed by someone else
 * a moment ago answered as a conflict.
 */
@Service
public class TaskCompletion {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final TaskForms forms;
    private final JdbcClient jdbc;

    TaskCompletion(TaskService taskService, IdentityService identityService, TaskForms forms, JdbcClient jdbc) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.forms = forms;
        this.jdbc = jdbc;
    }

    /** Validates the input against the task's form (every error at once) and completes the task. */
    public void complete(DoorbraakUser user, String id, Map<String, ?> body) {
        Task task = visibleTask(id, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new ConflictException("Deze taak is toegewezen aan " + task.getAssignee() + ".");
        }
        Values values = forms.schemaFor(task.getTaskDefinitionKey(), requestIdOf(task))
                .orElseThrow(() -> new IllegalStateException("No form rules for " + task.getTaskDefinitionKey()))
                .validate(body, true);
        Map<String, Object> variables = new HashMap<>();
        values.keys().forEach(key -> variables.put(key, TaskInput.typed(values.get(key))));
        identityService.setAuthentication(user.id(), new ArrayList<>(user.groups()));
        try {
            taskService.complete(id, variables);
        } catch (OptimisticLockingException e) {
            throw new ConflictException("Deze taak is tegelijk door iemand anders afgerond.");
        } catch (RuntimeException e) {
            // a completion that lost the race may also fail inside the engine before its optimistic lock
            // is checked (e.g. an NPE in CompleteTaskCmd when the task's execution is already gone): its
            // transaction is rolled back, and what the caller needs to hear is that the task is done
            if (taskService.createTaskQuery().taskId(id).count() == 0) {
                throw new ConflictException("Deze taak is al afgerond.");
            }
            throw e;
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The task, if it is the caller's to see: one of their groups is a candidate, or it is assigned to them. */
    public Task visibleTask(String id, DoorbraakUser user) {
        Task task = taskService.createTaskQuery().taskId(id).singleResult();
        List<String> groups = task == null ? List.of() : unlessCompletedMeanwhile(id, () -> candidateGroups(id));
        if (task == null || !(user.id().equals(task.getAssignee()) || groups.stream().anyMatch(user.groups()::contains))) {
            throw new NotFoundException("Taak '" + id + "' bestaat niet of is niet voor u.");
        }
        return task;
    }

    List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    /**
     * The candidate groups of each of the tasks in one query. The engine's API reads them task by
     * task (the task, then its links): a page of 50 tasks cost 100 queries, most of the page's time.
     */
    Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.sql("""
                SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK
                WHERE TASK_ID_ IN (:tasks) AND TYPE_ = :type AND GROUP_ID_ IS NOT NULL""")
                .param("tasks", taskIds).param("type", IdentityLinkType.CANDIDATE)
                .query((rs, row) -> groups.computeIfAbsent(rs.getString(1), task -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        // sorted as candidateGroups(taskId) sorts, not by the database's collation, so a task's groups
        // read the same in the list and on its own
        groups.values().forEach(Collections::sort);
        return groups;
    }

    /** The case of a task; none for a task of a signal. */
    private UUID requestIdOf(Task task) {
        return unlessCompletedMeanwhile(task.getId(),
                () -> {
                    // a signal's task belongs to no single case
                    Object requestId = taskService.getVariable(task.getId(), "requestId");
                    return requestId == null ? null : UUID.fromString((String) requestId);
                });
    }

    /**
     * Reads something of a task that a colleague may complete at this very moment: then the engine
     * fails in any of several ways (a ProcessEngineException, or a NullPointerException when the
     * task's execution is already gone), and what the caller needs to hear is a conflict.
     */
    private <T> T unlessCompletedMeanwhile(String taskId, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                throw new ConflictException("Deze taak is al afgerond.");
            }
            throw e;
        }
    }
}
