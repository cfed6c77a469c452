package nl.doorbraak.webapps;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import nl.doorbraak.support.TestUsers;

/** What every Camunda webapp shares: the login form ({@code form[name=signinForm]}) and the header. */
final class CamundaWebapp {

    private static final By USER = By.cssSelector("form[name=signinForm] input[type=text]");
    private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[type=password]");
    private static final By BUTTON = By.cssSelector("form[name=signinForm] button[type=submit]");

    private CamundaWebapp() {
    }

    /** Starts a fresh session, logs in to the app ("tasklist", "cockpit") with the demo password. */
    static void login(Browser browser, String app, String user) {
        browser.forgetEverything();
        browser.open("/camunda/app/" + app + "/default/#/login");
        int attempt = 0;
        do {
            // a form rendered again while it was filled in (its translations arriving) lost what it had
            attempt++;
            if (valueOf(browser, USER).isEmpty()) {
                browser.type(USER, user);
            }
            if (valueOf(browser, PASSWORD).isEmpty()) {
                browser.type(PASSWORD, TestUsers.PASSWORD);
            }
        } while (!filledIn(browser, user, attempt == 3 ? 20 : 3));
        browser.step("login-" + user);
        browser.click(browser.visible(BUTTON));
    }

    private static boolean filledIn(Browser browser, String user, int seconds) {
        try {
            browser.until("the login form filled in", java.time.Duration.ofSeconds(seconds),
                    d -> user.equals(valueOf(browser, USER)) && TestUsers.PASSWORD.equals(valueOf(browser, PASSWORD)));
            return true;
        } catch (org.openqa.selenium.TimeoutException notYet) {
            if (seconds >= 20) {
                throw notYet;
            }
            return false;
        }
    }

    private static String valueOf(Browser browser, By field) {
        try {
            return browser.all(field).stream().findFirst().map(element -> element.getAttribute("value"))
                    .map(value -> value == null ? "" : value).orElse("");
        } catch (org.openqa.selenium.StaleElementReferenceException replacedMeanwhile) {
            return "";
        }
    }

    /** The header: application name, the actions and the user's name. */
    static String header(Browser browser) {
        return browser.visible(By.cssSelector("[cam-widget-header]")).getText();
    }

    /** Whether the banner urging a migration to another product is visible anywhere. */
    static boolean migrationBannerShown(Browser browser) {
        return browser.all(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed);
    }
}
