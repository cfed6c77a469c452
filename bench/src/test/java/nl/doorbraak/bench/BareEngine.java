package nl.doorbraak.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The baseline of the benchmarks: Camunda alone running the application's models, with no-op
 * service tasks and none of the application's listeners, due dates, audit or tables (timers are
 * moved to 2099), on a database of its own, history full as in the product, no authorization.
 */
final class BareEngine {

    /** The ministries that assess a bare case: what the routing table answers for its rule domains. */
    static final List<String> MINISTRIES = List.of("szw", "vws", "ocw");

    private BareEngine() {
    }

    /** A bare engine on an empty database, the application's models deployed. */
    static ProcessEngine start(String jdbcUrl, String user, String password, String name) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcMaxActiveConnections(10);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setProcessEngineName(name);
        configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        ProcessEngine engine = configuration.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("bare");
        for (String model : List.of("rule-change-request.bpmn", "ministry-assessment.bpmn")) {
            deployment.addModelInstance(model, bare(model));
        }
        for (String table : List.of("responsible-ministries", "consolidated-advice", "decision-authority", "deadlines")) {
            deployment.addInputStream(table + ".dmn", resource(table + ".dmn"));
        }
        deployment.deploy();
        return engine;
    }

    /**
     * Starts a rule-change case as the application's submission does (the same start message), with
     * the variables the application's delegates would have set; it runs to the intake task.
     */
    static ProcessInstance submitRuleChange(ProcessEngine engine, String reference, List<String> ruleDomains) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", reference.toLowerCase());
        variables.put("reference", reference);
        variables.put("kind", "rule-change");
        variables.put("municipalityCode", "0599");
        variables.put("focusArea", "rotterdam-zuid");
        variables.put("urgency", "normal");
        variables.put("ruleDomains", new ArrayList<>(ruleDomains));
        variables.put("budgetOwners", new ArrayList<String>());
        variables.put("totalAmount", 0.0);
        variables.put("ministries", new ArrayList<>(MINISTRIES));
        variables.put("supportCount", 3L);
        variables.put("conditionsCount", 0L);
        variables.put("rejectCount", 0L);
        return engine.getRuntimeService().createMessageCorrelation("RuleChangeRequestSubmitted")
                .processInstanceBusinessKey(reference).setVariables(variables).correlateStartMessage();
    }

    /** The deployed model with no-op service tasks, no listeners, no due dates and timers far in the future. */
    private static BpmnModelInstance bare(String name) {
        BpmnModelInstance model = Bpmn.readModelFromStream(resource(name));
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "expression");
            task.setCamundaClass(NoOp.class.getName());
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "dueDate");
        }
        for (ExtensionElements extensions : model.getModelElementsByType(ExtensionElements.class)) {
            List<ModelElementInstance> listeners = new ArrayList<>();
            listeners.addAll(extensions.getChildElementsByType(CamundaExecutionListener.class));
            listeners.addAll(extensions.getChildElementsByType(CamundaTaskListener.class));
            listeners.forEach(extensions::removeChildElement);
        }
        for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
            date.setTextContent("2099-12-31T00:00:00");
        }
        return model;
    }

    private static InputStream resource(String name) {
        InputStream stream = BareEngine.class.getClassLoader().getResourceAsStream("processes/" + name);
        if (stream == null) {
            throw new IllegalStateException("Model not on the classpath: " + name);
        }
        return stream;
    }

    /** A service task that does nothing. */
    public static class NoOp implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            // the bare engine's service tasks: no application behind them
        }
    }
}
