package nl.doorbraak.webapps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one test, driven by Selenium through Debian's chromedriver: both from
 * {@code /usr/bin} (or {@code -Dchromium.binary} and {@code -Dchromium.driver}), never downloaded,
 * so Selenium Manager is never asked. Every {@link #step} is screenshotted to
 * {@code target/screenshots/<test>/<nn-step>.png}; a failing test adds {@code <nn>-failure.png}
 * and keeps everything.
 *
 * <p>Chromium drops the trusted mouse and key events chromedriver sends to the pages of the
 * Camunda webapps (the events never reach the page, on swagger-ui they do), so {@link #click}
 * dispatches the click in the page and {@link #type} inserts text as an input method does
 * (DevTools {@code Input.insertText}): both fire the events the webapps listen to.
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final IntSupplier port;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path screenshots;
    private int steps;

    /** A browser against the application at {@code http://localhost:<port>}; the port is read when a test starts. */
    public Browser(IntSupplier port) {
        this.port = port;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        screenshots = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName());
        deleteRecursively(screenshots);
        Files.createDirectories(screenshots);
        steps = 0;

        driver = nl.doorbraak.support.Chromium.start(1400, 1000);
        wait = new WebDriverWait(driver, PATIENCE);
        // the webapps render parts of the page again at any moment: a condition that met an element
        // just replaced is asked again rather than failed
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            screenshot("failure");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Opens a path of the application, e.g. {@code /camunda/app/tasklist/default/}. */
    public void open(String path) {
        driver.get("http://localhost:" + port.getAsInt() + path);
    }

    /** Starts over as nobody: no cookies, no local storage of the webapps. */
    public void forgetEverything() {
        driver.manage().deleteAllCookies();
        if (driver.getCurrentUrl().startsWith("http")) {
            ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        }
    }

    /** Screenshots the page as the next numbered step. */
    public void step(String name) {
        screenshot(name);
    }

    private void screenshot(String name) {
        steps++;
        Path target = screenshots.resolve(String.format("%02d-%s.png", steps, name));
        try {
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the condition holds (returns non-null, non-false) and returns its value. */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        return wait.withMessage(what).until(askedAgainOnDetachedNodes(condition));
    }

    /** As {@link #until(String, Function)}, with a message made when the wait fails. */
    public <T> T until(Supplier<String> what, Function<WebDriver, T> condition) {
        return wait.withMessage(what).until(askedAgainOnDetachedNodes(condition));
    }

    /** As {@link #until(String, Function)}, with a patience of its own. */
    public <T> T until(String what, Duration patience, Function<WebDriver, T> condition) {
        WebDriverWait patient = new WebDriverWait(driver, patience);
        patient.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return patient.withMessage(what).until(askedAgainOnDetachedNodes(condition));
    }

    /**
     * Chromium sometimes reports an element the page has just replaced not as stale but as "Node
     * with given id does not belong to the document" (an unknown error to Selenium; it failed a
     * CI run of the page tests once): such a condition is asked again, like a stale one.
     */
    private static <T> Function<WebDriver, T> askedAgainOnDetachedNodes(Function<WebDriver, T> condition) {
        return driver -> {
            try {
                return condition.apply(driver);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
    }

    /** The one visible element, waited for. */
    public WebElement visible(By by) {
        return until("visible: " + by, d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Clicks the element as the page's own code would see a click (see the class comment). */
    public void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    /** Presses the element: mousedown, mouseup and click, for widgets (form-js dropdowns) that react to mousedown. */
    public void press(WebElement element) {
        script("const e = arguments[0]; e.scrollIntoView({block: 'center'});"
                + " for (const type of ['mousedown', 'mouseup']) {"
                + "   e.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, view: window, button: 0}));"
                + " }"
                + " e.click();", element);
    }

    /** Types the text into the element as an input method does (see the class comment). */
    public void type(WebElement element, String text) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        // focus again on every poll: a page still settling (e.g. the login form's autofocus) may take it back
        until("focus on the field to type " + text, d -> Boolean.TRUE.equals(
                script("arguments[0].focus(); return document.activeElement === arguments[0];", element)));
        driver.executeCdpCommand("Input.insertText", Map.of("text", text));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs an asynchronous script; it calls its last argument with the result. */
    public Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
