package nl.doorbraak.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers the audit handler beside the engine's own database handler (which stays on, so
 * Cockpit and the history API keep working), and the interceptor that records identity,
 * authorization and deployment changes. {@code doorbraak.audit.engine-events=false} leaves
 * it out, for the benchmark that measures what it costs.
 */
@Component
class AuditProcessEnginePlugin extends AbstractProcessEnginePlugin {

    private final AuditWriter writer;
    private final JdbcClient jdbc;
    private final boolean enabled;

    AuditProcessEnginePlugin(AuditWriter writer, JdbcClient jdbc,
                             @Value("${doorbraak.audit.engine-events:true}") boolean enabled) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled) {
            return;
        }
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new AuditHistoryEventHandler(writer));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);

        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new AdministrationAudit(writer, jdbc));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }
}
