package nl.doorbraak.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;

/** Drives a case's process as its users do in Tasklist, for the process tests. */
public final class ProcessDriver {

    private final ProcessEngine engine;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The municipality of Rotterdam, submitting through the application's service. */
    public static final DoorbraakUser ROTTERDAM = new DoorbraakUser("rotterdam", "Indiener Rotterdam",
            Set.of("municipality-0599"));

    /** A rule-change request submitted by Rotterdam through the application's service: its process, at intake. */
    public ProcessInstance submitted(RequestSubmission submission, Map<String, Object> input) {
        String processInstanceId = submission.submit(RequestKind.RULE_CHANGE, input, ROTTERDAM, null).request()
                .processInstanceId();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
    }

    /** Completes the task as Tasklist does: authenticated as the user, with the form's variables. */
    public void complete(ProcessInstance pi, String taskKey, String candidateGroup, String user, Map<String, Object> values) {
        var query = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
                .taskDefinitionKey(taskKey);
        if (candidateGroup != null) {
            query.taskCandidateGroup(candidateGroup);
        }
        Task task = query.singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(group -> group.getId()).toList();
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            engine.getTaskService().complete(task.getId(), values);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    public Task task(ProcessInstance pi, String taskKey) {
        List<Task> tasks = openTasks(pi, taskKey);
        assertThat(tasks).as("open %s", taskKey).hasSize(1);
        return tasks.get(0);
    }

    public List<Task> openTasks(ProcessInstance pi, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
                .taskDefinitionKey(taskKey).list();
    }

    public List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }

    /** A variable of the running instance; null once it has ended. */
    public Object variable(ProcessInstance pi, String name) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0
                ? null : engine.getRuntimeService().getVariable(pi.getId(), name);
    }
}
