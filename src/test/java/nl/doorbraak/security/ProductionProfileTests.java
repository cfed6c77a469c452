package nl.doorbraak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.doorbraak.DoorbraakApplication;
import nl.doorbraak.support.EmbeddedPostgresDatabase;

/**
 * The {@code postgres} profile exactly as production runs it, on a database of its own: the
 * administrator comes from the environment and no demo user or demo password exists.
 */
@Tag("own-application-context")
class ProductionProfileTests {

    @Test
    void createsOnlyTheAdministratorFromTheEnvironment() throws Exception {
        try (Connection connection = EmbeddedPostgresDatabase.server().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE production_profile");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DoorbraakApplication.class)
                .profiles("postgres")
                .properties(
                        "server.port=0",
                        "DB_URL=" + EmbeddedPostgresDatabase.jdbcUrl("production_profile"),
                        "DB_USER=postgres",
                        "DB_PASSWORD=postgres",
                        "ADMIN_USER=beheer",
                        "ADMIN_PASSWORD=a-long-secret-from-the-vault")
                .run()) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive())
                    .as("the job executor runs timers and asynchronous steps").isTrue();
            IdentityService identities = context.getBean(IdentityService.class);
            assertThat(identities.createUserQuery().list()).extracting("id").containsExactly("beheer");
            assertThat(identities.createUserQuery().memberOfGroup(Groups.ADMIN).count()).isEqualTo(1);
            assertThat(identities.checkPassword("beheer", "a-long-secret-from-the-vault")).isTrue();
            // the groups and their access exist, ready for real users created in Admin
            assertThat(identities.createGroupQuery().groupId("municipality-0599").count()).isEqualTo(1);
            assertThat(identities.createGroupQuery().groupId("ministry-szw-lead").count()).isEqualTo(1);
        }
    }
}
