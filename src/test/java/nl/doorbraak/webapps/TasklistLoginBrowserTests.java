package nl.doorbraak.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.OwnUsers;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestClock;

/**
 * What a person sees in Tasklist's login form when the login throttle holds their name back, in a
 * real (headless) Chromium; screenshots in {@code target/screenshots/TasklistLoginBrowserTests.<test>/}.
 */
@PostgresIntegrationTest
class TasklistLoginBrowserTests {

    private static final By NOTIFICATIONS = By.cssSelector(".notifications");
    private static final By USER = By.cssSelector("form[name=signinForm] input[type=text]");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestClock clock;

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    String user;

    @AfterEach
    void removeUser() {
        identityService.deleteUser(user);
    }

    @Test
    void afterFiveWrongPasswordsTheLoginFormSaysHowLongToWaitAndAfterThatTheUserGetsIn() {
        user = OwnUsers.create(identityService, "browser-" + UUID.randomUUID().toString().substring(0, 8), "auditor",
                "juist-wachtwoord");
        browser.forgetEverything();
        browser.open("/camunda/app/tasklist/default/#/login");
        for (int i = 1; i <= 5; i++) {
            CamundaWebapp.send(browser, user, "fout-" + i, "wrong-" + i);
            // the form empties its fields when the answer is in: then the next attempt may go
            browser.until("the answer to attempt " + i, d -> d.findElements(USER).stream()
                    .anyMatch(field -> field.isDisplayed() && field.getAttribute("value").isEmpty()));
            assertThat(notificationWith("Aanmelden mislukt")).contains("Onjuiste gegevens");
        }

        CamundaWebapp.send(browser, user, "juist-wachtwoord", "right-but-throttled");
        String shown = notificationWith("Te veel pogingen");
        browser.step("throttled");
        assertThat(shown).contains("Aanmelden mislukt", "Te veel pogingen. Probeer het over 1 minuut opnieuw.")
                .doesNotContain("Onjuiste gegevens");

        clock.advance(Duration.ofMinutes(1));
        CamundaWebapp.send(browser, user, "juist-wachtwoord", "after-the-wait");
        browser.visible(By.cssSelector("[cam-tasklist-filters]"));
        browser.step("logged-in");
    }

    /** The text of the notifications once one of them contains the text. */
    private String notificationWith(String text) {
        return browser.until("a notification with " + text, d -> {
            String all = String.join("\n", d.findElements(NOTIFICATIONS).stream().map(WebElement::getText).toList());
            return all.contains(text) ? all : null;
        });
    }
}
