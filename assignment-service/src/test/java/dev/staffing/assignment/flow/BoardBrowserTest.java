package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The board in a real headless Chromium: a reader signs in, sees the Security Engineer gap first, watches it
 * disappear live when a Security Engineer is hired (the page is not reloaded), and drills down into the project
 * to find the new holder in the seat. Skipped where Chromium or its driver is not installed.
 */
class BoardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path workDir;

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static RunningService service;
    private static InputPublisher producer;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        boolean browserThere = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
        // CI installs the browser and sets this, so that a missing browser fails there instead of skipping.
        if (Boolean.parseBoolean(System.getenv("STAFFING_TEST_REQUIRE_BROWSER")) && !browserThere) {
            throw new IllegalStateException("Board browser test " + missing + ", and STAFFING_TEST_REQUIRE_BROWSER is set");
        }
        assumeTrue(browserThere, "Board browser test skipped: " + missing);
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), SUFFIX));
        settings.put("spring.datasource.url", RunningService.h2FileUrl(workDir.resolve("db")));
        service = RunningService.start(settings);
        producer = new InputPublisher(infrastructure.bootstrapServers(), infrastructure.registryUrl(), SUFFIX);
        browser = startBrowser(Files.createDirectory(workDir.resolve("chromium-profile")));
    }

    /** Chromium and its driver from the paths above, so that Selenium Manager never looks for (or downloads) any. */
    private static ChromeDriver startBrowser(Path profile) {
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1000", "--user-data-dir=" + profile);
        return new ChromeDriver(driverService, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (producer != null) {
            producer.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void securityGapShowsFirstThenDisappearsLiveOnHireAndTheDrillDownShowsTheNewHolder() throws IOException {
        publish(hired("e-b1", 1, "backend-engineer", 1.0));
        publish(opened("p-b1", 4, slot("security", "security-engineer", 1, 1.0),
                slot("backend", "backend-engineer", 2, 1.0)));
        publish(opened("p-b2", 2, slot("qa", "qa-engineer", 1, 1.0), slot("backend", "backend-engineer", 1, 1.0)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(openSeats()).contains("p-b1/security/1",
                "p-b1/backend/2", "p-b2/qa/1"));

        openBoardAs(RunningService.readerCredentials());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(
                "#persona-counts [data-persona='security-engineer'] .count-total"), "1"));

        List<WebElement> cards = browser.findElements(By.cssSelector("#persona-counts > li"));
        assertThat(cards).extracting(card -> card.getAttribute("data-persona")).first()
                .isEqualTo("security-engineer");
        assertThat(cards.get(0).findElement(By.cssSelector("h3")).getText()).isEqualTo("Security Engineer");
        assertThat(cards.get(0).getText()).contains("1 CRITICAL");
        WebElement securityRow = browser.findElement(By.cssSelector("tr[data-seat-key='p-b1/security/1']"));
        assertThat(securityRow.getText()).contains("CRITICAL").contains("No one holds the persona")
                .contains("Project p-b1");

        assertThat(browser.findElement(By.id("current-user")).getText()).contains("test-reader");
        assertThat(securityRow.findElements(By.cssSelector("button.acknowledge"))).as("a reader cannot acknowledge")
                .isEmpty();

        ((JavascriptExecutor) browser).executeScript("window.boardMarker = 'loaded once';");
        service.http().post().uri("/api/gaps/p-b1/security/1/acknowledgement")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("note", "Recruiter engaged <b>today</b>")).retrieve().toBodilessEntity();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-seat-key='p-b1/security/1'] td.handling"), "Acknowledged by test-manager"));
        WebElement handling = browser.findElement(By.cssSelector("tr[data-seat-key='p-b1/security/1'] td.handling"));
        assertThat(handling.getText()).as("the note is shown as text, not as markup")
                .contains("Recruiter engaged <b>today</b>");
        assertThat(handling.findElements(By.tagName("b"))).isEmpty();
        saveScreenshot("board-before-hire.png");

        publish(hired("e-b3", 1, "security-engineer", 1.0));

        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("tr[data-seat-key='p-b1/security/1']"), 0));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.boardMarker;"))
                .as("the page was updated in place, not reloaded").isEqualTo("loaded once");
        assertThat(browser.findElements(By.cssSelector("#persona-counts [data-persona='security-engineer']")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-seat-key='p-b1/backend/2']"))).hasSize(1);

        browser.findElement(By.cssSelector("input[name='group-by'][value='project']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.group[data-project-id='p-b1']")));
        browser.findElement(By.cssSelector("section.group[data-project-id='p-b1'] h3 button.project-link")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(
                "#project-detail tr[data-seat-key='p-b1/security/1'] td.holder"), "e-b3"));
        assertThat(browser.findElement(By.id("project-heading")).getText()).isEqualTo("Project p-b1");
        assertThat(browser.findElement(By.cssSelector("#project-detail tr[data-seat-key='p-b1/backend/2'] td.holder"))
                .getText()).isEqualTo("Empty");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.boardMarker;")).isEqualTo("loaded once");

        saveScreenshot("board.png");
    }

    @Test
    void managerAcknowledgesAGapOnTheBoardWithANote() {
        publish(opened("p-b9", 3, slot("ux", "ux-designer", 1, 1.0)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(openSeats()).contains("p-b9/ux/1"));

        openBoardAs(RunningService.managerCredentials());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        By row = By.cssSelector("tr[data-seat-key='p-b9/ux/1']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        browser.findElement(row).findElement(By.cssSelector("button.acknowledge")).click();
        browser.findElement(row).findElement(By.cssSelector("input[name='note']")).sendKeys("Contractor starts Monday");
        browser.findElement(row).findElement(By.cssSelector("button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                "tr[data-seat-key='p-b9/ux/1'] td.handling"), "Acknowledged by test-manager"));
        assertThat(browser.findElement(row).getText()).contains("Contractor starts Monday");
        JsonNode gap = service.http().get().uri("/api/gaps/p-b9/ux/1").retrieve().body(JsonNode.class);
        assertThat(gap.get("acknowledgedBy").asString()).isEqualTo("test-manager");
        assertThat(gap.get("acknowledgementNote").asString()).isEqualTo("Contractor starts Monday");
    }

    /** Opens the board signed out, and signs in through Spring Security's login form when it is shown. */
    private static void openBoardAs(RunningService.Credentials user) {
        browser.get(service.baseUrl() + "/login");
        browser.manage().deleteAllCookies();
        browser.get(service.baseUrl() + "/");
        new WebDriverWait(browser, PATIENCE).until(driver -> driver.getCurrentUrl().contains("/login")
                || !driver.findElements(By.id("live-status")).isEmpty());
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys(user.user());
            browser.findElement(By.id("password")).sendKeys(user.password());
            browser.findElement(By.cssSelector("button[type='submit']")).click();
        }
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.attributeToBe(By.id("live-status"),
                "data-state", "connected"));
    }

    private static List<String> openSeats() {
        JsonNode board = service.http().get().uri("/api/board/gaps").retrieve().body(JsonNode.class);
        return board.get("gaps").valueStream().map(gap -> gap.get("seatKey").asString()).toList();
    }

    private static void saveScreenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void publish(EmployeeEvent event) {
        producer.publish(event);
    }

    private static void publish(ProjectEvent event) {
        producer.publish(event);
    }
}
