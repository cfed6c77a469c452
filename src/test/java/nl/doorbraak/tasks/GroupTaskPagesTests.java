package nl.doorbraak.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProcessDriver;

/**
 * The API's task pages find what the engine's query {@code taskCandidateGroupIn(groups)
 * .includeAssignedTasks()} finds, in its order (due date, then creation; ties by id), page after
 * page: assigned tasks too, a task with two of the groups once, tasks of other groups never.
 */
@PostgresIntegrationTest
class GroupTaskPagesTests {

    private static final List<String> GROUPS = List.of("ministry-szw", "ministry-vws");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    GroupTaskPages pages;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theEnginesTablesHaveTheTaskListsIndexes() {
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'doorbraak_%'")
                .query(String.class).list())
                .anySatisfy(index -> assertThat(index).contains("act_ru_task", "(due_date_, create_time_, id_)"))
                .anySatisfy(index -> assertThat(index).contains("act_ru_identitylink", "(group_id_, type_, task_id_)"));
    }

    @Test
    void pagesHoldTheEnginesTasksInTheEnginesOrder() {
        for (int i = 0; i < 3; i++) {
            assessedBy("income-support", "youth-care", "education");
        }
        Task sharedTask = engine.getTaskService().createTaskQuery().taskCandidateGroup("ministry-szw")
                .taskDefinitionKey("Task_Assess").list().get(0);
        engine.getTaskService().addCandidateGroup(sharedTask.getId(), "ministry-vws");
        Task assignedTask = engine.getTaskService().createTaskQuery().taskCandidateGroup("ministry-vws")
                .taskDefinitionKey("Task_Assess").list().get(0);
        engine.getTaskService().setAssignee(assignedTask.getId(), "reviewer-vws");

        List<String> expected = engine.getTaskService().createTaskQuery().taskCandidateGroupIn(GROUPS)
                .includeAssignedTasks().list().stream()
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.<Date>naturalOrder()))
                        .thenComparing(Task::getCreateTime).thenComparing(Task::getId))
                .map(Task::getId).toList();
        assertThat(expected).contains(sharedTask.getId(), assignedTask.getId()).doesNotHaveDuplicates();

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < expected.size() + 4; offset += 4) {
            GroupTaskPages.Page page = pages.page(GROUPS, offset, 4);
            assertThat(page.total()).isEqualTo(expected.size());
            assertThat(page.tasks()).hasSizeLessThanOrEqualTo(4);
            page.tasks().forEach(task -> paged.add(task.getId()));
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(pages.page(List.of("ministry-ocw"), 0, 200).tasks())
                .allSatisfy(task -> assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("ministry-ocw")))
                .noneMatch(task -> task.getId().equals(sharedTask.getId()));
    }

    private void assessedBy(String... ruleDomains) {
        ProcessDriver driver = new ProcessDriver(engine);
        ProcessInstance pi = driver.submitted(submission,
                CaseSteps.submission("rotterdam-zuid", "pages@rotterdam.example", ruleDomains));
        driver.complete(pi, "Task_Intake", null, "programme-office", new HashMap<>(Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of(ruleDomains))));
        Jobs.runDue(engine);
    }
}
