package nl.doorbraak.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the {@code postgres} profile at the shared embedded PostgreSQL, as the environment
 * variables of a real deployment would.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "DB_URL=" + EmbeddedPostgresDatabase.jdbcUrl("postgres"),
                "DB_USER=postgres",
                "DB_PASSWORD=postgres",
                "ADMIN_USER=admin",
                "ADMIN_PASSWORD=" + TestUsers.PASSWORD,
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestMailServer.port()
        ).applyTo(context);
    }
}
