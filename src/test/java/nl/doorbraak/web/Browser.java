package nl.doorbraak.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.doorbraak.support.TestUsers;

/**
 * A real headless Chromium for the page tests: the machine's own browser and driver (no Selenium
 * Manager, no download), a fixed window, and a screenshot per step in
 * {@code target/screenshots/<test>/<nn>-<step>.png}.
 */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private int step;

    Browser(int port, String test) {
        driver = nl.doorbraak.support.Chromium.start(1280, 1000);
        this.baseUrl = "http://localhost:" + port;
        this.screenshots = Path.of("target", "screenshots", test);
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        open("/login");
        type("username", user);
        type("password", TestUsers.PASSWORD);
        follow("main form button[type=submit]");
    }

    /**
     * Clicks a link or submit button and waits until the next page has replaced this one and loaded.
     * The old page is recognised by a mark left in its window, not by a reference to one of its
     * elements: asked about an element while the page is being replaced, Chromium may answer "node
     * does not belong to the document", an error Selenium does not count as a stale element.
     */
    void follow(String css) {
        String mark = UUID.randomUUID().toString();
        driver.executeScript("window.doorbraakPage = arguments[0];", mark);
        driver.findElement(By.cssSelector(css)).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class) // the page is in between documents
                .withMessage("the page after clicking " + css)
                .until(d -> driver.executeScript(
                        "return window.doorbraakPage !== arguments[0] && document.readyState === 'complete';", mark)
                        .equals(Boolean.TRUE));
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void choose(String id, String visibleText) {
        new Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            driver.executeScript("window.scrollTo(0, 0)");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++step, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
