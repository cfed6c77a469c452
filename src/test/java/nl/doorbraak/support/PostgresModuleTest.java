package nl.doorbraak.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * One application module on its own, in the production {@code postgres} profile on the shared
 * embedded PostgreSQL: only the beans of the test's module (and Spring Boot's, the engine's and
 * the database's) start, so the test fails when the module needs another one to run. It runs in a
 * JVM of its own: Camunda keeps its engines in a JVM-wide registry, and a second engine without the
 * other modules' beans would stand in for the application's under Tasklist's REST API.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("own-application-context")
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresModuleTest {
}
