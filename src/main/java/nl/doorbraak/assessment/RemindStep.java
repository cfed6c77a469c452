package nl.doorbraak.assessment;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

import nl.doorbraak.notification.Outbox;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.UserDirectory;

/**
 * "Herinnering opstellen" after "Termijn bijna verstreken" on any human step: everyone who can
 * do the step gets an e-mail. One delegate serves every step because the model says which step it
 * is: the timer that led here is attached to the step's task, and the open task knows its name,
 * its due date and its candidate groups.
 */
@Component("remindStep")
class RemindStep implements JavaDelegate {

    private final Requests requests;
    private final UserDirectory users;
    private final Outbox outbox;
    private final TaskService tasks;

    RemindStep(Requests requests, UserDirectory users, Outbox outbox, TaskService tasks) {
        this.requests = requests;
        this.users = users;
        this.outbox = outbox;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BoundaryEvent timer = timer(execution);
        Task task = stepTask(execution, timer.getAttachedTo().getId());
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        Set<String> recipients = new LinkedHashSet<>();
        tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .forEach(link -> recipients.addAll(users.emailsOfGroup(link.getGroupId())));
        for (String email : recipients) {
            outbox.enqueue(request.id(), "step-reminder", email,
                    InformationLetters.stepReminder(request, timer.getAttachedTo().getName(), task.getDueDate()));
        }
    }

    /** The "Termijn bijna verstreken" timer that led to this service task. */
    private static BoundaryEvent timer(DelegateExecution execution) {
        FlowNode reminder = (FlowNode) execution.getBpmnModelElementInstance();
        return (BoundaryEvent) reminder.getPreviousNodes().singleResult();
    }

    /** The open task of the step (Tasklist's name of it carries the case; the model's name is the step's). */
    private Task stepTask(DelegateExecution execution, String step) {
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(step).active().singleResult();
        if (task == null) {
            throw new IllegalStateException("No open task " + step + " to remind of in " + execution.getProcessInstanceId());
        }
        return task;
    }
}
