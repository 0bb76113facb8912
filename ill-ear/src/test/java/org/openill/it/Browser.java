package org.openill.it;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium from the system packages (chromium, chromium-driver), driven by Selenium without any driver
 * download. Screenshots go to target/screenshots.
 */
final class Browser {

    static final File CHROMIUM = new File(System.getenv().getOrDefault("ILL_CHROMIUM", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getenv().getOrDefault("ILL_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /**
     * A new headless browser. Where Chromium is not installed the browser tests are skipped, except when
     * ILL_REQUIRE_BROWSER=true (as in CI), where they fail.
     */
    static WebDriver open() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && Boolean.parseBoolean(System.getenv("ILL_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium is required for the browser tests: apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, "Chromium not installed (apt-get install chromium chromium-driver): browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1024");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        return new ChromeDriver(service, options);
    }

    /** What the page wrote to the browser console at level SEVERE (errors). */
    static List<String> consoleErrors(WebDriver driver) {
        return console(driver).stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Everything the page wrote to the browser console, at any level, since the console was last read. */
    static List<LogEntry> console(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** The console messages, at any level, about something the page's Content-Security-Policy refused. */
    static List<String> policyViolations(List<LogEntry> console) {
        return console.stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /** Waits up to 10 seconds, long enough for any Ajax answer of the test server. */
    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    static Path screenshot(WebDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("ill.it.screenshots", "target/screenshots")));
            Path file = dir.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        }
    }

    /** Signs in on the portal's sign-in page, open in the browser, and waits for where that leads. */
    static void signIn(WebDriver driver, String libraryIsil, String card, String pin) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("PF('library').selectValue('" + libraryIsil + "');");
        driver.findElement(org.openqa.selenium.By.id("signin:card")).sendKeys(card);
        driver.findElement(org.openqa.selenium.By.id("signin:pin")).sendKeys(pin);
        driver.findElement(org.openqa.selenium.By.id("signin:submit")).click();
        waitFor(driver).until(org.openqa.selenium.support.ui.ExpectedConditions.or(
                org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/my/"),
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        org.openqa.selenium.By.cssSelector(".ui-messages-error-summary"))));
    }
}
