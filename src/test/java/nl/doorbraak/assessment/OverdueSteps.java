package nl.doorbraak.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.ProcessDriver;
import nl.doorbraak.support.TestMailServer;

/**
 * Lets a human step run late: "Termijn bijna verstreken" e-mails the people who can do it,
 * "Termijn verstreken" gives the one named in the deadlines table an escalation task, which is
 * completed; the step itself stays open.
 */
final class OverdueSteps {

    private OverdueSteps() {
    }

    /**
     * @param step the step's task id without {@code Task_}, e.g. {@code Intake}
     * @param name the step's name in the model, e.g. {@code Intake}
     */
    static void remindAndEscalate(ProcessEngine engine, ProcessInstance pi, String step, String name,
                                  String escalateTo, String intervener) {
        ProcessDriver driver = new ProcessDriver(engine);
        Task task = driver.task(pi, "Task_" + step);
        String subject = "Herinnering: " + name + " voor verzoek " + pi.getBusinessKey();
        long before = TestMailServer.received().stream().filter(mail -> mail.subject().equals(subject)).count();

        Jobs.fireTimer(engine, pi.getId(), "Event_ReminderDue_" + step);
        Jobs.runDue(engine, pi.getId());
        assertThat(TestMailServer.received().stream().filter(mail -> mail.subject().equals(subject)))
                .as("reminder of %s", step).hasSizeGreaterThan((int) before)
                .allSatisfy(mail -> assertThat(mail.body()).contains("De stap \"" + name + "\"",
                        InformationLetters.date(task.getDueDate())));

        Jobs.fireTimer(engine, pi.getId(), "Event_Overdue_" + step);
        Task escalation = driver.task(pi, "Task_Escalate_" + step);
        assertThat(driver.candidateGroups(escalation)).as("escalation of %s", step).containsExactly(escalateTo);
        assertThat(escalation.getDueDate()).isNotNull();
        assertThat(driver.openTasks(pi, "Task_" + step)).hasSize(1);
        driver.complete(pi, "Task_Escalate_" + step, escalateTo, intervener,
                Map.of("escalationNote", "Gebeld en afgesproken dat de stap deze week klaar is."));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("EndEvent_Escalated_" + step).finished().count()).isPositive();
    }
}
