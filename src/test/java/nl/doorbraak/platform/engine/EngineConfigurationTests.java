package nl.doorbraak.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.PostgresModuleTest;

/** The engine as the platform module configures it, started without any other module. */
@PostgresModuleTest
class EngineConfigurationTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theEngineKeepsFullHistoryAndChecksAuthorizations() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    }

    @Test
    void flywayAndTheEngineShareTheDatabase() {
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM act_ge_property").query(Long.class).single()).isPositive();
    }

    @Test
    void aModelWithoutHistoryTimeToLiveIsRefused() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="no-ttl" isExecutable="true"><bpmn:startEvent id="s"/></bpmn:process>
                </bpmn:definitions>
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> processEngine.getRepositoryService()
                        .createDeployment().addString("no-ttl.bpmn", model).deploy())
                .hasMessageContaining("History Time To Live");
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("no-ttl").count()).isZero();
        HistoricProcessInstance none = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("no-ttl").singleResult();
        assertThat(none).isNull();
    }

    @Test
    void theEnginesQueriesReadTheirPropertiesThroughTheCachingAccessor() throws Exception {
        assertThat(org.apache.ibatis.ognl.OgnlRuntime.getPropertyAccessor(Object.class))
                .isInstanceOf(QueryPropertyReadCache.CachingObjectPropertyAccessor.class);
        // a task query renders the conditions with the properties that have no getter, and answers
        assertThat(processEngine.getTaskService().createTaskQuery().withoutTenantId()
                .processInstanceBusinessKey("NPLV-0000-00000").list()).isEmpty();
    }

    @Test
    void decisionTablesUseTheCachingFeelEngineAndEvaluateAsBefore() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(FeelExpressionCache.CachingScalaFeelEngine.class);
        for (String urgency : new String[] {"normal", "urgent", "normal"}) {
            String period = processEngine.getDecisionService().evaluateDecisionByKey("deadlines")
                    .variables(Map.of("taskType", "assessment", "urgency", urgency)).evaluate()
                    .getSingleResult().getEntry("period");
            assertThat(period).isEqualTo("urgent".equals(urgency) ? "P8D" : "P20D");
        }
    }
}
