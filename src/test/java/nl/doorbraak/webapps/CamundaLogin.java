package nl.doorbraak.webapps;

import org.openqa.selenium.By;

import nl.doorbraak.support.TestUsers;

/** The login form every Camunda webapp shares ({@code form[name=signinForm]}). */
final class CamundaLogin {

    private static final By USER = By.cssSelector("form[name=signinForm] input[type=text]");
    private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[type=password]");
    private static final By BUTTON = By.cssSelector("form[name=signinForm] button[type=submit]");

    private CamundaLogin() {
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
}
