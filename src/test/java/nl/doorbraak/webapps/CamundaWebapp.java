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

    /**
     * Starts a fresh session, logs in to the app ("tasklist", "cockpit") with the demo password.
     * The login form is rendered again while the page settles (its translations arrive, its
     * autofocus fires), so the fields are set by value with the input events Angular listens to,
     * not typed through the focus, and set again until they hold exactly what they should.
     */
    static void login(Browser browser, String app, String user) {
        browser.forgetEverything();
        browser.open("/camunda/app/" + app + "/default/#/login");
        for (int attempt = 1; ; attempt++) {
            send(browser, user, TestUsers.PASSWORD, "login-" + user + (attempt == 1 ? "" : "-" + attempt));
            try {
                browser.until("logged in", java.time.Duration.ofSeconds(attempt == 3 ? 20 : 8),
                        d -> d.findElements(USER).stream().noneMatch(WebElement::isDisplayed));
                return;
            } catch (org.openqa.selenium.TimeoutException stillThere) {
                if (attempt == 3) {
                    throw stillThere;
                }
            }
        }
    }

    /** Fills in the login form on the page and sends it once, whatever follows. */
    static void send(Browser browser, String user, String password, String step) {
        browser.until("the login form filled in", d -> set(browser, USER, user) & set(browser, PASSWORD, password));
        browser.step(step);
        browser.click(browser.visible(BUTTON));
    }

    /** Sets the field to exactly the value (if it does not hold it) and tells whether it holds it now. */
    private static boolean set(Browser browser, By locator, String value) {
        WebElement field = browser.all(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        if (field == null) {
            return false;
        }
        if (!value.equals(field.getAttribute("value"))) {
            browser.script("arguments[0].value = arguments[1];"
                    + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
        }
        return value.equals(field.getAttribute("value"));
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
