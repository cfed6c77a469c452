package nl.doorbraak.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * One application module on its own, in the production {@code postgres} profile on the shared
 * embedded PostgreSQL: only the beans of the test's module (and Spring Boot's, the engine's and
 * the database's) start, so the test fails when the module needs another one to run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresModuleTest {
}
