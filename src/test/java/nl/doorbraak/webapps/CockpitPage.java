package nl.doorbraak.webapps;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the browser tests know about Camunda Cockpit's DOM (7.24), in one place. */
public final class CockpitPage {

    private static final By BUSINESS_KEYS = By.cssSelector("td.business-key");
    private static final By SUSPEND = By.cssSelector("a.btn-suspend-action");
    private static final By DIALOG = By.cssSelector(".modal-dialog");

    private final Browser browser;

    public CockpitPage(Browser browser) {
        this.browser = browser;
    }

    /** Logs in and waits for the dashboard. */
    public CockpitPage login(String user) {
        CamundaWebapp.login(browser, "cockpit", user);
        browser.until("the dashboard", d -> d.getCurrentUrl().contains("#/dashboard"));
        return this;
    }

    /** The header: application name, the actions and the user's name. */
    public String header() {
        return CamundaWebapp.header(browser);
    }

    public boolean migrationBannerShown() {
        return CamundaWebapp.migrationBannerShown(browser);
    }

    /** Opens the runtime view of the process definition with this name, from the list of processes. */
    public CockpitPage openProcess(String processName) {
        browser.open("/camunda/app/cockpit/default/#/processes");
        WebElement link = browser.until("process " + processName, d -> d.findElements(
                        By.cssSelector("a[href*='#/process-definition/']")).stream()
                .filter(a -> a.getText().trim().equals(processName)).findFirst().orElse(null));
        browser.click(link);
        browser.visible(BUSINESS_KEYS);
        return this;
    }

    /** The business keys (case references) in the table of running process instances. */
    public List<String> instanceBusinessKeys() {
        return browser.all(BUSINESS_KEYS).stream().map(td -> td.getText().trim()).toList();
    }

    /** Tries to suspend the process definition through Cockpit's own dialog; returns what the dialog then says. */
    public String trySuspendingTheProcessDefinition() {
        browser.click(browser.visible(SUSPEND));
        WebElement confirm = browser.until("the suspend dialog", d -> d.findElements(
                By.cssSelector(".modal-dialog button[ng-click='updateSuspensionState()']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        browser.step("suspend-dialog");
        browser.click(confirm);
        return browser.until("the outcome in the dialog", d -> {
            String text = d.findElement(DIALOG).getText();
            return text.contains("Finished") ? text : null;
        });
    }
}
