package nl.doorbraak.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser every browser test drives: Debian's headless Chromium through its chromedriver,
 * both from /usr/bin (or -Dchromium.binary / -Dchromium.driver), never a download, set up as a
 * Dutch civil servant's browser. Missing binaries fail the test with the command that installs them.
 */
public final class Chromium {

    private Chromium() {
    }

    public static ChromeDriver start(int width, int height) {
        Path binary = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        Path driverBinary = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
        for (Path required : new Path[] {binary, driverBinary}) {
            if (!Files.isExecutable(required)) {
                throw new IllegalStateException("The browser tests need Chromium and chromedriver, and " + required
                        + " is missing. Install them with `apt-get install -y chromium chromium-driver` (Debian,"
                        + " Ubuntu; the build does this when it may: src/test/setup/ensure-chromium.sh), or name your own with -Dchromium.binary=... and"
                        + " -Dchromium.driver=...");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        // Tasklist picks its language from navigator.languages
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=nl-NL", "--disable-features=Translate",
                "--no-first-run", "--no-default-browser-check");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // headless, the page never has the system focus: let it behave as the focused window
        driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
