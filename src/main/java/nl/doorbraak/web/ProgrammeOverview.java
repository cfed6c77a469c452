package nl.doorbraak.web;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.doorbraak.assessment.AssessmentTasks;
import nl.doorbraak.decision.DecisionTasks;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.security.Groups;

/**
 * What the programme office watches, read from the engine's open tasks: open work per ministry
 * (assessments and escalations), assessments past their due date, and requests waiting on a
 * municipality (an answer, an evaluation, an accountability report). Due dates are compared with
 * the case clock.
 */
@Component
class ProgrammeOverview {

    static final String ASSESS = AssessmentTasks.ASSESS;
    static final String[] MUNICIPALITY_TASKS = {AssessmentTasks.PROVIDE_INFORMATION, DecisionTasks.DELIVER_EVALUATION,
            DecisionTasks.DELIVER_ACCOUNTABILITY};

    /** One ministry's open work. */
    record MinistryWork(String ministry, String name, long open, long overdue) {
    }

    /** A task someone is late with or waits for, on a case. */
    record Waiting(String reference, String task, String group, Date created, Date due, boolean overdue) {
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ReferenceData referenceData;

    ProgrammeOverview(TaskService taskService, RuntimeService runtimeService, ReferenceData referenceData) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.referenceData = referenceData;
    }

    List<MinistryWork> workPerMinistry() {
        Date now = Date.from(CaseClock.now().toInstant());
        return referenceData.ministries().stream().map((Ministry ministry) -> new MinistryWork(ministry.abbreviation(),
                ministry.name(),
                taskService.createTaskQuery().taskCandidateGroup(Groups.ministry(ministry.code())).count(),
                taskService.createTaskQuery().taskCandidateGroup(Groups.ministry(ministry.code())).dueBefore(now).count()))
                .toList();
    }

    List<Waiting> overdueAssessments() {
        Date now = Date.from(CaseClock.now().toInstant());
        return taskService.createTaskQuery().taskDefinitionKey(ASSESS).dueBefore(now).orderByDueDate().asc().list()
                .stream().map(task -> waiting(task, now)).toList();
    }

    List<Waiting> waitingOnMunicipalities() {
        Date now = Date.from(CaseClock.now().toInstant());
        return taskService.createTaskQuery().taskDefinitionKeyIn(MUNICIPALITY_TASKS).orderByTaskCreateTime().asc()
                .list().stream().map(task -> waiting(task, now)).toList();
    }

    private Waiting waiting(Task task, Date now) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        String group = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).sorted().findFirst()
                .orElse("");
        return new Waiting(instance == null ? "" : instance.getBusinessKey(), task.getName(), group,
                task.getCreateTime(), task.getDueDate(), task.getDueDate() != null && task.getDueDate().before(now));
    }
}
