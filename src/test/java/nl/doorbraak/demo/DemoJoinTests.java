package nl.doorbraak.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * The quick start's demo of joining: Arnhem-Oost's granted experiment under the Jeugdwet, and
 * Woensel-Zuid's request to join it waiting for VWS. Run again, it adds nothing.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "doorbraak.demo.cases=true")
class DemoJoinTests {

    @Autowired
    DemoJoin demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;

    @Test
    void aGrantedBreakthroughAndAJoinWaitingForTheMinistryOnceOnly() {
        Map<String, Object> join = jdbc.sql("""
                SELECT j.reference, j.status, j.national_rule_id, p.reference AS precedent, d.outcome, d.instrument
                FROM request j JOIN request p ON p.id = j.precedent_request_id JOIN decision d ON d.request_id = p.id
                WHERE j.kind = 'join' AND j.focus_area_code = 'eindhoven-woensel-zuid'""").query().singleRow();
        assertThat(join).containsEntry("status", "join-confirmation").containsEntry("national_rule_id", "jeugdwet")
                .containsEntry("outcome", "granted").containsEntry("instrument", "experiment");
        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey((String) join.get("reference"))
                .taskDefinitionKey("Task_ConfirmJoin").singleResult();
        assertThat(confirm).isNotNull();
        assertThat(confirm.getName()).endsWith("(VWS)");

        long requests = jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
        ApplicationArguments none = new DefaultApplicationArguments();
        demo.run(none);
        assertThat(jdbc.sql("SELECT count(*) FROM request").query(Long.class).single()).isEqualTo(requests);
    }
}
