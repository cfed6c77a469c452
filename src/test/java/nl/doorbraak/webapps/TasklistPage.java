package nl.doorbraak.webapps;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * Everything the browser tests know about Camunda Tasklist's DOM (7.24, with the form-js 1.8.7
 * forms in {@code forms/}), in one place. Tasklist's own parts are found by their directive
 * attributes and classes ({@code [cam-tasklist-filters]}, {@code [cam-tasks]},
 * {@code [cam-tasklist-task]}, {@code form[name=signinForm]}); form fields by their form-js
 * label, which is what the user reads.
 */
public final class TasklistPage {

    private static final By FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter");
    private static final By TASKS = By.cssSelector("[cam-tasks] li.task");
    private static final By TASK_LINK = By.cssSelector("h4.task a");
    private static final By TASK_VIEW = By.cssSelector("[cam-tasklist-task]");
    private static final By FORM = By.cssSelector(".fjs-form");
    private static final By CLAIM = By.cssSelector("[cam-tasklist-task] button.claim");
    private static final By COMPLETE = By.cssSelector("[cam-tasklist-task] .form-actions button.btn-primary");
    private static final By NOTIFICATIONS = By.cssSelector(".page-notifications .notifications");
    private static final By START_PROCESS = By.cssSelector(".start-process-action a");
    private static final By MODAL = By.cssSelector(".modal-dialog");
    private static final By MODAL_START = By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()']");

    private final Browser browser;
    /** The form group whose fields {@link #fill}, {@link #select} and {@link #choose} address; null: the whole form. */
    private String section;

    public TasklistPage(Browser browser) {
        this.browser = browser;
    }

    /** Logs in with the demo password and waits for the filters: Tasklist is ready. */
    public TasklistPage login(String user) {
        CamundaWebapp.login(browser, "tasklist", user);
        browser.visible(By.cssSelector("[cam-tasklist-filters] .list-unstyled"));
        browser.until("the filters of " + user, d -> !d.findElements(FILTERS).isEmpty());
        return this;
    }

    /** The header: application name, the actions and the user's name. */
    public String header() {
        return CamundaWebapp.header(browser);
    }

    /** Where the header's link with this text leads. */
    public String headerLink(String text) {
        return browser.visible(By.cssSelector("[cam-widget-header]")).findElement(By.linkText(text)).getAttribute("href");
    }

    /** Whether the banner urging a migration to another product is visible anywhere. */
    public boolean migrationBannerShown() {
        return CamundaWebapp.migrationBannerShown(browser);
    }

    public List<String> filterNames() {
        return browser.all(FILTERS).stream().map(TasklistPage::filterName).toList();
    }

    /** Opens the filter and waits until its tasks are listed (or the message that there are none). */
    public TasklistPage openFilter(String name) {
        WebElement filter = browser.until("filter " + name, d -> d.findElements(FILTERS).stream()
                .filter(f -> filterName(f).equals(name)).findFirst().orElse(null));
        browser.click(filter);
        browser.until("filter " + name + " active and loaded", d -> d.findElements(FILTERS).stream()
                .anyMatch(f -> filterName(f).equals(name) && f.getAttribute("class").contains("active"))
                && d.findElements(By.cssSelector("[cam-tasks] > .loader")).stream().noneMatch(WebElement::isDisplayed)
                && d.findElements(By.cssSelector("[cam-tasks] [ng-if='state.$loaded && !state.$error']")).size() == 1);
        return this;
    }

    /** The names of the tasks in the list of the open filter. */
    public List<String> taskNames() {
        return browser.all(TASKS).stream().map(task -> task.findElement(TASK_LINK).getText().trim()).toList();
    }

    /** The text of the task's card in the list, unfolded: name, dates and the filter's columns with their labels. */
    public String taskCard(String taskName) {
        WebElement card = task(taskName);
        browser.click(card.findElement(By.cssSelector(".task-card-details .shutter")));
        browser.until("card of " + taskName + " unfolded", d -> card.findElements(
                By.cssSelector(".task-card-details.expanded")).size() == 1);
        return card.getText();
    }

    /** Opens the task from the list and waits until its form is rendered. */
    public TasklistPage openTask(String taskName) {
        browser.click(task(taskName).findElement(TASK_LINK));
        browser.until("task " + taskName + " opened", d -> d.findElement(TASK_VIEW).getText().contains(taskName));
        browser.visible(FORM);
        return this;
    }

    /** Follows a link to a task as a user would paste it, and waits until Tasklist has answered it. */
    public TasklistPage openTaskLink(String taskId) {
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        browser.until("Tasklist answered the link", d -> d.findElements(TASK_VIEW).stream().anyMatch(WebElement::isDisplayed)
                && d.findElements(By.cssSelector("[cam-tasklist-task] .loader")).stream().noneMatch(WebElement::isDisplayed));
        return this;
    }

    /** Everything the task view shows. */
    public String taskViewText() {
        return browser.visible(TASK_VIEW).getText();
    }

    /** Takes the task (Tasklist shows the form read-only to a user who has not claimed it). */
    public TasklistPage claim() {
        browser.click(browser.visible(CLAIM));
        browser.until("task claimed", d -> d.findElements(CLAIM).stream().noneMatch(WebElement::isDisplayed));
        return this;
    }

    /** The value shown in the form field with this label. */
    public String fieldValue(String label) {
        return field(label).findElement(By.cssSelector("input, textarea")).getAttribute("value");
    }

    /**
     * Types into the text field or text area with this label, and waits until the form holds the
     * text: a form-js form re-renders after a choice, and text typed into the old element is lost.
     */
    public TasklistPage fill(String label, String text) {
        for (int attempt = 1; ; attempt++) {
            browser.type(field(label).findElement(By.cssSelector("input, textarea")), text);
            try {
                browser.until("'" + text + "' in " + label, Duration.ofSeconds(2), d -> text.equals(fieldValue(label)));
                return this;
            } catch (TimeoutException lost) {
                if (attempt == 3) {
                    throw lost;
                }
                browser.script("const e = arguments[0]; e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true}));",
                        field(label).findElement(By.cssSelector("input, textarea")));
            }
        }
    }

    /** Picks the option of a radio group or checklist by its label. */
    public TasklistPage choose(String label, String option) {
        WebElement input = field(label).findElements(By.cssSelector("label")).stream()
                .filter(l -> l.getText().trim().equals(option)).findFirst()
                .map(l -> l.findElement(By.cssSelector("input")))
                .orElseThrow(() -> new AssertionError("no option " + option + " in " + label));
        browser.click(input);
        return this;
    }

    /**
     * Picks the option of a form-js select by its label. Both kinds open on mousedown; a
     * searchable one (an input) is narrowed down by typing first.
     */
    public TasklistPage select(String label, String option) {
        WebElement field = field(label);
        browser.press(field.findElement(By.cssSelector(".fjs-input-group")));
        // a searchable select shows its current choice in the search field: the typed text replaces it
        field.findElements(By.cssSelector("input.fjs-input")).stream().findFirst().ifPresent(search -> {
            browser.script("arguments[0].focus(); arguments[0].select();", search);
            browser.type(search, option);
        });
        WebElement item = browser.until("option " + option + " of " + label, d -> field
                .findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(i -> i.getText().trim().equals(option)).findFirst().orElse(null));
        browser.press(item);
        browser.until(label + " is " + option, d -> field.getText().contains(option) || option.equals(
                field.findElements(By.cssSelector("input.fjs-input")).stream().map(i -> i.getAttribute("value"))
                        .findFirst().orElse(null)));
        return this;
    }

    /** Completes the task form: the task leaves the view (true), or Tasklist shows why not (false). */
    public boolean complete() {
        browser.until(() -> "complete button enabled; form errors: " + formErrors(), d -> d.findElement(COMPLETE).isEnabled());
        browser.click(browser.visible(COMPLETE));
        String outcome = browser.until("the task completed or a notification", d ->
                d.findElements(TASK_VIEW).stream().allMatch(v -> v.findElements(FORM).isEmpty()) ? "completed"
                        : d.findElements(NOTIFICATIONS).stream().anyMatch(n -> !n.getText().isBlank()) ? "refused"
                        : null);
        return outcome.equals("completed");
    }

    /** The text of the newest notification, waited for. */
    public String notification() {
        return browser.until("a notification", d -> d.findElements(NOTIFICATIONS).stream()
                .map(n -> n.getText().trim()).filter(t -> !t.isEmpty()).findFirst().orElse(null));
    }

    /** The messages form-js shows under its fields, with the field's label. */
    public List<String> formErrors() {
        return browser.all(By.cssSelector(".fjs-form .fjs-form-field")).stream()
                .filter(f -> !f.findElements(By.cssSelector(":scope > .fjs-form-field-error")).isEmpty())
                .map(f -> labelOf(f).orElse("?") + ": " + f.findElement(By.cssSelector(":scope > .fjs-form-field-error")).getText())
                .toList();
    }

    /** Opens "Start process" and the start form of the process with this name. */
    public TasklistPage startProcess(String processName) {
        browser.click(browser.visible(START_PROCESS));
        WebElement process = browser.until("process " + processName, d -> d.findElements(
                        By.cssSelector(".modal-dialog a[ng-click^='selectProcessDefinition']")).stream()
                .filter(a -> a.getText().trim().equals(processName)).findFirst().orElse(null));
        browser.click(process);
        browser.visible(By.cssSelector(".modal-dialog .fjs-form"));
        return this;
    }

    /** Starts the process with the filled-in start form and waits until the dialog has closed. */
    public void submitStartForm() {
        browser.until(() -> "start button enabled; form errors: " + formErrors(), d -> d.findElement(MODAL_START).isEnabled());
        browser.click(browser.visible(MODAL_START));
        browser.until(() -> "the start dialog closed; notification: " + browser.all(NOTIFICATIONS).stream()
                .map(WebElement::getText).toList() + ", form errors: " + formErrors(), d -> !startDialogOpen());
    }

    /** Whether the start dialog is still open (a refused start leaves it open). */
    public boolean startDialogOpen() {
        return browser.all(MODAL).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Addresses the fields of the form group with this label from now on (null: the whole form again). */
    public TasklistPage section(String groupLabel) {
        this.section = groupLabel;
        return this;
    }

    /** Whether the form shows a group with this label. */
    public boolean sectionShown(String groupLabel) {
        return group(groupLabel).isPresent();
    }

    private Optional<WebElement> group(String groupLabel) {
        return browser.all(By.cssSelector(".fjs-form .fjs-form-field-group")).stream().filter(WebElement::isDisplayed)
                .filter(g -> labelOf(g).map(groupLabel::equals).orElse(false)).findFirst();
    }

    /** The one form-js field whose label reads {@code label} (in the task view or the start dialog, in the section). */
    private WebElement field(String label) {
        return browser.until("field " + label + (section == null ? "" : " in " + section), d -> (section == null
                        ? d.findElements(By.cssSelector(".fjs-form .fjs-form-field"))
                        : group(section).map(g -> g.findElements(By.cssSelector(".fjs-form-field"))).orElse(List.of()))
                .stream()
                .filter(WebElement::isDisplayed)
                .filter(f -> labelOf(f).map(l -> l.equals(label)).orElse(false))
                .findFirst().orElse(null));
    }

    private static Optional<String> labelOf(WebElement field) {
        return field.findElements(By.cssSelector(":scope > label.fjs-form-field-label, :scope > .fjs-form-field-label"))
                .stream().map(l -> l.getText().replace("*", "").trim()).findFirst();
    }

    private WebElement task(String taskName) {
        return browser.until("task " + taskName + " in the list", d -> d.findElements(TASKS).stream()
                .filter(t -> t.findElement(TASK_LINK).getText().trim().equals(taskName)).findFirst().orElse(null));
    }

    private static String filterName(WebElement filter) {
        WebElement link = filter.findElement(By.cssSelector("h4.name a"));
        String counter = link.findElements(By.cssSelector(".counter")).stream().map(WebElement::getText)
                .findFirst().orElse("");
        String text = link.getText().trim();
        return counter.isEmpty() ? text : text.substring(0, text.length() - counter.length()).trim();
    }
}
