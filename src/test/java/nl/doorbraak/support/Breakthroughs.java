package nl.doorbraak.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;

/**
 * Breakthroughs to join, made the real way: Rotterdam's rule-change request on the Participatiewet
 * (catalogue entry, article 22a) driven through intake, SZW's advice and the director's decision.
 */
public final class Breakthroughs {

    public static final DoorbraakUser ROTTERDAM = new DoorbraakUser("rotterdam", "Indiener Rotterdam",
            Set.of("municipality-0599"));
    public static final String CONDITIONS = "Halfjaarlijkse rapportage over het aantal betrokken huishoudens.";

    private Breakthroughs() {
    }

    /** A request of Rotterdam-Zuid decided with this outcome and instrument (null when rejected); its reference. */
    public static String decided(ProcessEngine engine, RequestSubmission submission, String outcome, String instrument) {
        ProcessDriver driver = new ProcessDriver(engine);
        Map<String, Object> input = new HashMap<>();
        input.put("focusArea", "rotterdam-zuid");
        input.put("title", "Kostendelersnorm voor jongvolwassenen");
        input.put("nationalRule", "participatiewet");
        input.put("article", "22a");
        input.put("ruleDomains", List.of("income-support"));
        input.put("conflict", "De kostendelersnorm drijft jongvolwassenen het huis uit.");
        input.put("proposedSolution", "De kostendelersnorm twee jaar niet toepassen in het focusgebied.");
        input.put("requestedInstrument", instrument == null ? "experiment" : instrument);
        input.put("urgency", "normal");
        input.put("contactName", "J. de Vries");
        input.put("contactEmail", CaseSteps.uniqueEmail("rotterdam"));
        String processInstanceId = submission.submit(RequestKind.RULE_CHANGE, input, ROTTERDAM, null).request()
                .processInstanceId();
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        driver.complete(pi, "Task_Intake", null, "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support")));
        driver.complete(pi, "Task_Assess", "ministry-szw", "reviewer-szw", Map.of("assessmentOutcome", "advice",
                "advice", "support", "rationale", "Past binnen de experimenteerbepaling."));
        Jobs.runDue(engine);
        Map<String, Object> decision = new HashMap<>(Map.of("decisionOutcome", outcome,
                "rationale", "De kostendelersnorm werkt hier averechts.", "conditions", CONDITIONS));
        if (instrument != null) {
            decision.put("instrument", instrument);
            decision.put("effectiveDate", "2027-01-01");
            decision.put("evaluationDate", "2028-01-01");
        }
        driver.complete(pi, "Task_Decide", null, "programme-director", decision);
        Jobs.runDue(engine);
        return pi.getBusinessKey();
    }
}
