package nl.doorbraak.audit;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Sits next to the engine's own database history handler and appends an audit entry for every
 * history event it sees (at level FULL: processes, steps, tasks, assignments, variables,
 * decision evaluations, incidents, jobs, user operations), in the engine's transaction.
 */
class AuditHistoryEventHandler implements HistoryEventHandler {

    private final AuditWriter writer;

    AuditHistoryEventHandler(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity process && process.getBusinessKey() != null) {
            writer.caseOfProcess(process.getRootProcessInstanceId() != null ? process.getRootProcessInstanceId()
                    : process.getProcessInstanceId(), process.getBusinessKey());
        }
        writer.append(EngineEventDescriptions.describe(event, currentUser()));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /**
     * Who caused the event: the user the engine knows (Tasklist, Cockpit and the task API tell it),
     * else the user of the API call the engine is working for; none for the job executor.
     */
    static String currentUser() {
        CommandContext commandContext = Context.getCommandContext();
        String engineUser = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        if (engineUser != null) {
            return engineUser;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)
                ? caller.getName() : null;
    }
}
