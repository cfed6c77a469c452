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
        browser.type(browser.visible(USER), user);
        browser.type(browser.visible(PASSWORD), TestUsers.PASSWORD);
        browser.step("login-" + user);
        browser.click(browser.visible(BUTTON));
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
