package nl.doorbraak.platform.engine;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Open engine incidents (a step whose retries ran out, e.g. an e-mail the mail server kept
 * refusing) in {@code /actuator/health} as {@code processIncidents}: how many, per activity and
 * per type. Shown to administrators only (management.endpoint.health.show-details); the status
 * stays UP, because an incident waits for an administrator (Cockpit: retry) and is not a reason
 * to take the application out of service.
 */
@Component("processIncidents")
class ProcessIncidentsHealth implements HealthIndicator {

    /** The details are counted over at most this many incidents; the total is always exact. */
    static final int COUNTED = 1000;

    private final RuntimeService runtimeService;

    ProcessIncidentsHealth(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public Health health() {
        long total = runtimeService.createIncidentQuery().count();
        Map<String, Long> byActivity = new TreeMap<>();
        Map<String, Long> byType = new TreeMap<>();
        for (Incident incident : runtimeService.createIncidentQuery().orderByIncidentTimestamp().desc()
                .listPage(0, COUNTED)) {
            byActivity.merge(incident.getActivityId() == null ? "-" : incident.getActivityId(), 1L, Long::sum);
            byType.merge(incident.getIncidentType(), 1L, Long::sum);
        }
        return Health.up()
                .withDetail("total", total)
                .withDetail("byActivity", byActivity)
                .withDetail("byType", byType)
                .build();
    }
}
