package nl.doorbraak.webapps;

import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.TestUsers;

/** A task to try things on in Tasklist: SZW's open assessment of a new Rotterdam case on income support. */
final class SzwAssessments {

    private SzwAssessments() {
    }

    static Task open(Http http, ProcessEngine engine) {
        String reference = submit(http, TestUsers.ROTTERDAM, ruleChange("rotterdam-zuid", uniqueEmail("rotterdam")));
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        return openTask(engine.getTaskService(), reference, "Task_Assess", "ministry-szw");
    }
}
