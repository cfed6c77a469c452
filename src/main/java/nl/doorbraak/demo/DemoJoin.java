package nl.doorbraak.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.doorbraak.assessment.AssessmentTasks;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.UserDirectory;

/**
 * The demo of joining a breakthrough (docs/joining.md): Arnhem-Oost's experiment under the
 * Jeugdwet, taken through intake, VWS's advice and the director's decision to a grant, and
 * Eindhoven's Woensel-Zuid asking to join it, checked by the programme office and waiting for
 * VWS to confirm. Submitted through the real submission path under idempotency keys, like
 * {@link DemoCases}: a restart finds them and leaves them as they are.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "doorbraak.demo.cases", havingValue = "true")
class DemoJoin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoJoin.class);

    private final RequestSubmission submission;
    private final UserDirectory users;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    DemoJoin(RequestSubmission submission, UserDirectory users, TaskService taskService,
             IdentityService identityService, RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.submission = submission;
        this.users = users;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        var arnhem = submission.submit(RequestKind.RULE_CHANGE, arnhemOost(), user("arnhem"), "demo-arnhem-oost");
        if (arnhem.replayed()) {
            return;
        }
        String breakthrough = arnhem.request().reference();
        complete(breakthrough, AssessmentTasks.INTAKE, "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("youth-care")));
        complete(breakthrough, AssessmentTasks.ASSESS, "reviewer-vws", Map.of("assessmentOutcome", "advice",
                "advice", "support-with-conditions", "rationale", "Past binnen de experimenteerruimte van de Jeugdwet.",
                "conditions", "Het wijkteam legt elke inzet vast en de gemeente evalueert na twee jaar.",
                "proposedInstrument", "experiment"));
        // the decision stage's task, named here by its id in the model: demo does not build on the decision module
        complete(breakthrough, "Task_Decide", "programme-director", Map.of("decisionOutcome", "granted",
                "instrument", "experiment", "effectiveDate", "2026-01-01", "evaluationDate", "2028-01-01",
                "conditions", "Het wijkteam legt elke inzet vast en de gemeente evalueert na twee jaar.",
                "rationale", "Lichte jeugdhulp zonder verwijzing past bij de integrale aanpak in Arnhem-Oost; VWS steunt."));
        runDueSteps(breakthrough);
        log.info("Demo breakthrough {} granted", breakthrough);

        var join = submission.submit(RequestKind.JOIN, woenselZuid(breakthrough), user("eindhoven"),
                "demo-eindhoven-woensel-zuid-join");
        String reference = join.request().reference();
        complete(reference, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "comparable",
                "checkNote", "Zelfde doelgroep en een vergelijkbaar wijkteam."));
        log.info("Demo join {} of {} waits for VWS's confirmation", reference, breakthrough);
    }

    /**
     * The case's asynchronous steps that are due (the end of VWS's assessment, sending the letter),
     * now rather than by the job executor, so the next demo step finds its task. The job executor
     * of the quick start may take a job first: then that one is done already.
     */
    private void runDueSteps(String reference) {
        boolean ran = true;
        while (ran) {
            ran = false;
            for (var instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
                for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                    try {
                        managementService.executeJob(job.getId());
                        ran = true;
                    } catch (OptimisticLockingException | NullValueException takenByTheJobExecutor) {
                        ran = true;
                    }
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up the demo", e);
        }
    }

    private DoorbraakUser user(String id) {
        return users.find(id).orElseThrow();
    }

    private void complete(String reference, String taskKey, String userId, Map<String, ?> variables) {
        DoorbraakUser user = user(userId);
        Set<String> groups = user.groups();
        Task task = null;
        for (int attempt = 0; task == null && attempt < 50; attempt++) {
            runDueSteps(reference);
            task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
                    .taskCandidateGroupIn(List.copyOf(groups)).singleResult();
            if (task == null) {
                pause(); // a step the job executor took is still running
            }
        }
        if (task == null) {
            throw new IllegalStateException("Demo case " + reference + " did not reach " + taskKey);
        }
        identityService.setAuthentication(user.id(), List.copyOf(groups));
        try {
            taskService.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, ?> arnhemOost() {
        var input = new HashMap<String, Object>();
        input.put("focusArea", "arnhem-oost");
        input.put("title", "Lichte jeugdhulp zonder verwijzing via het wijkteam");
        input.put("nationalRule", "jeugdwet");
        input.put("article", "art. 2.3");
        input.put("ruleDomains", List.of("youth-care"));
        input.put("conflict", "Gezinnen wachten weken op een verwijzing voor lichte opvoedhulp die het wijkteam "
                + "direct zou kunnen bieden; intussen lopen de problemen op.");
        input.put("proposedSolution", "Het wijkteam mag lichte jeugdhulp inzetten zonder beschikking, voor twee jaar.");
        input.put("requestedInstrument", "experiment");
        input.put("residentsAffected", 600L);
        input.put("urgency", "normal");
        input.put("contactName", "Fatima Yilmaz");
        input.put("contactEmail", "f.yilmaz@arnhem.example");
        return input;
    }

    private static Map<String, ?> woenselZuid(String breakthrough) {
        var input = new HashMap<String, Object>();
        input.put("focusArea", "eindhoven-woensel-zuid");
        input.put("precedent", breakthrough);
        input.put("motivation", "Ook in Woensel-Zuid wachten gezinnen op verwijzingen voor lichte opvoedhulp, terwijl "
                + "het wijkteam die zelf kan bieden.");
        input.put("residentsAffected", 450L);
        input.put("urgency", "normal");
        input.put("contactName", "Joost van Dijk");
        input.put("contactEmail", "j.vandijk@eindhoven.example");
        return input;
    }
}
