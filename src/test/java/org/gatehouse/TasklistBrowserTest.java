package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that work the real Camunda Tasklist in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), in the shared test context. Without Chromium they are skipped, unless
 * {@code -Dgatehouse.browser-tests.required=true} (CI) makes that a failure. On a failure, a screenshot and the page
 * source go to {@code target/browser-test/}.
 */
@ExtendWith(TasklistBrowserTest.ChromiumPresent.class)
@GatehouseTest
@Tag("browser")
public abstract class TasklistBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("gatehouse.browser-tests.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("gatehouse.browser-tests.chromedriver", "/usr/bin/chromedriver"));
    static final String REQUIRED = "gatehouse.browser-tests.required";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort protected int port;

    protected WebDriver browser;
    protected WebDriverWait wait;
    Path profile;

    /** Keeps what the browser showed when a step failed, before the browser is closed. */
    @RegisterExtension
    final TestExecutionExceptionHandler evidence = this::keepEvidence;

    /** Skips the class, with the reason, where Chromium is missing, unless the browser test is required. */
    static class ChromiumPresent implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (chromiumPresent()) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
            }
            if (required()) {
                return ConditionEvaluationResult.enabled("gatehouse.browser-tests.required=true: runs, and fails");
            }
            String reason = missing() + ". Skipped; -D" + REQUIRED + "=true makes this a failure.";
            System.err.println(context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    @BeforeAll
    static void needsChromium() {
        if (!chromiumPresent()) {
            Assertions.fail(missing() + ". " + REQUIRED + "=true, so this fails instead of being skipped.");
        }
    }

    static boolean chromiumPresent() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean required() {
        return Boolean.getBoolean(REQUIRED);
    }

    static String missing() {
        return "Chromium (" + CHROMIUM + ") and its driver (" + CHROMEDRIVER + ") are needed for the Tasklist browser"
                + " test; install Debian's chromium and chromium-driver (.ci/run does)";
    }

    @BeforeEach
    void openBrowser() throws IOException {
        // the Debian driver and browser, named outright, so that Selenium Manager never tries to download either
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("gatehouse-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    protected void logIn(String user, String password) {
        logIn("tasklist", user, password);
    }

    /** Signs in on the sign-in page of one of Camunda's webapps ({@code tasklist}, {@code cockpit}, {@code admin}). */
    protected void logIn(String app, String user, String password) {
        browser.get("http://localhost:" + port + "/camunda/app/" + app + "/");
        By form = By.cssSelector("form[name=signinForm]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(form));
        browser.findElement(By.cssSelector("form[name=signinForm] input[ng-model=username]")).sendKeys(user);
        browser.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys(password);
        browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(form));
    }

    /** Tasklist's list re-renders as it refreshes: an element found a moment ago may be gone, and is found again. */
    protected void click(By element) {
        new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> {
            click(scrolledTo(element));
            return true;
        });
    }

    /**
     * The element, scrolled to the middle of the viewport once it is there: a row far down a long list lies outside
     * what the webapp's scrolling view shows, where the browser does not count it as visible.
     */
    protected WebElement scrolledTo(By element) {
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement found = driver.findElement(element);
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", found);
            return found.isDisplayed() ? found : null;
        });
    }

    /** Clicks in the middle of the viewport: Tasklist's fixed footer covers whatever is scrolled to the bottom edge. */
    protected void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Picks a radio option of the form by its label, until form-js shows it chosen: a re-render may swallow a click. */
    protected void choose(String label) {
        WebElement option = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//form[contains(@class,'fjs-form')]//label[normalize-space()='" + label + "']")));
        By input = By.cssSelector("input[id='" + option.getDomAttribute("for") + "']");
        wait.until(driver -> {
            if (!driver.findElement(input).isSelected()) {
                click(option);
            }
            return driver.findElement(input).isSelected();
        });
    }

    /**
     * Sorts the task list by one of Tasklist's keys ("Due date"), as a person does: the "Sort by" choice in the list's
     * header. The order stays descending, Tasklist's default.
     */
    protected void sortBy(String label) {
        click(By.cssSelector("[cam-sorting-choices] li.sorting-choice a.dropdown-toggle"));
        click(By.xpath("//*[@cam-sorting-choices]//li[contains(@class,'sorting-choice')]"
                + "//ul[contains(@class,'dropdown-menu')]//a[normalize-space()='" + label + "']"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[cam-sorting-choices] li.sorting-choice .sort-by"), label));
        assertThat(browser.findElement(By.cssSelector("[cam-sorting-choices] li.sorting-choice a.sort-direction"))
                .getDomAttribute("class")).as("descending").contains("glyphicon-menu-down");
    }

    private static final Pattern TASK_ID = Pattern.compile("task=([^&]+)");

    /** The ids of the tasks the list shows, top to bottom, each with its due date shown. */
    protected List<String> listedTasks() {
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> tasks = driver.findElements(By.cssSelector("ol.tasks-list li.task"));
            assertThat(tasks).allSatisfy(task -> assertThat(task.findElements(By.cssSelector(".due-date")))
                    .as("the due date shows").isNotEmpty());
            return tasks.stream().map(task -> {
                Matcher id = TASK_ID.matcher(task.findElement(By.cssSelector("h4.task a")).getDomAttribute("href"));
                return id.find() ? id.group(1) : null;
            }).toList();
        });
    }

    /** Picks an option of a form-js select by its label, until form-js shows it chosen. */
    protected void select(String componentId, String label) {
        By shown = By.cssSelector(".fjs-form [id$='-" + componentId + "-display']");
        By option = By.xpath("//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-dropdownlist-item')"
                + " and normalize-space()='" + label + "']");
        wait.until(driver -> {
            if (!label.equals(driver.findElement(shown).getText())) {
                if (driver.findElements(option).isEmpty()) {
                    click(driver.findElement(shown));
                }
                click(wait.until(ExpectedConditions.elementToBeClickable(option)));
            }
            return label.equals(driver.findElement(shown).getText());
        });
    }

    /** Waits for form-js to show {@code expected} in a field (its element ids end with the form's component id). */
    protected void assertFormShows(String componentId, String expected) {
        By field = By.cssSelector(".fjs-form [id$='-" + componentId + "']");
        try {
            wait.until(driver -> expected.equals(driver.findElement(field).getDomProperty("value")));
        } catch (TimeoutException e) {
            assertThat(browser.findElement(field).getDomProperty("value")).as("form field " + componentId).isEqualTo(expected);
        }
    }

    private void keepEvidence(ExtensionContext context, Throwable error) throws Throwable {
        if (browser != null) {
            try {
                Path dir = Path.of("target", "browser-test");
                Files.createDirectories(dir);
                String name = context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
                error.addSuppressed(new AssertionError("Screenshot and page source: " + dir.toAbsolutePath()));
            } catch (RuntimeException | IOException e) {
                error.addSuppressed(e);
            }
        }
        throw error;
    }
}
