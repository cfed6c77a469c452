package nl.doorbraak.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The tests' job executor: the shared test context switches the engine's job executor off, so
 * that a test decides when asynchronous steps and timers run, instead of sleeping.
 */
public final class Jobs {

    private Jobs() {
    }

    /** Runs every job that is due now (asynchronous continuations), until none is left. */
    public static void runDue(ProcessEngine engine) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs keep coming: an endless loop of asynchronous steps?");
    }

    /**
     * Runs the jobs of one process instance that are due at the engine's clock, until none is
     * left: for tests that move the clock (ClockUtil) through years and must not run the timers of
     * other tests' instances that have become due as well.
     */
    public static void runDue(ProcessEngine engine, String processInstanceId) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs keep coming: an endless loop of asynchronous steps?");
    }

    /** Fires the timer at the activity in the process instance or an instance it called, then runs what is due. */
    public static void fireTimer(ProcessEngine engine, String processInstanceId, String activityId) {
        Set<String> instances = family(engine, processInstanceId);
        Job timer = engine.getManagementService().createJobQuery().timers().activityId(activityId).list().stream()
                .filter(job -> instances.contains(job.getProcessInstanceId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No timer at " + activityId + " for " + processInstanceId));
        engine.getManagementService().executeJob(timer.getId());
        runDue(engine);
    }

    /** The process instance and every instance it called, directly or further down. */
    public static Set<String> family(ProcessEngine engine, String processInstanceId) {
        Set<String> family = new HashSet<>(Set.of(processInstanceId));
        for (ProcessInstance child : engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId).list()) {
            family.addAll(family(engine, child.getId()));
        }
        return family;
    }
}
