package nl.doorbraak.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

    /** Clicks a link or submit button and waits until the next page has replaced this one. */
    void follow(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(css)).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
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
