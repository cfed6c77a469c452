package nl.doorbraak.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application in the production {@code postgres} profile on a real (embedded)
 * PostgreSQL, served on a random port. Every class with this annotation and nothing else that
 * changes the configuration shares one Spring context. The demo users are switched on because
 * the tests log in as them; e-mail goes to {@link TestMailServer}; the job executor is off, so
 * tests run asynchronous steps and timers with {@link Jobs}; the login throttle reads a
 * {@link TestClock} that tests move on instead of waiting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"doorbraak.demo.enabled=true", "doorbraak.demo.password=" + TestUsers.PASSWORD,
                // tests run asynchronous steps and timers themselves, through Jobs
                "camunda.bpm.job-execution.enabled=false",
                // tests run the notification relay, digest and deadline scans themselves ("-": no schedule)
                "doorbraak.notifications.relay-cron=-", "doorbraak.notifications.digest-cron=-",
                "doorbraak.notifications.deadline-cron=-", "doorbraak.case-deadlines.passed-cron=-"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import(TestClock.Configuration.class)
public @interface PostgresIntegrationTest {
}
