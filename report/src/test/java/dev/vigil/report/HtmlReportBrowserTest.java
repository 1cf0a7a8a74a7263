package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report as a person sees it, in Debian's headless Chromium (installed by scripts/system-deps.sh):
 * visible text and counts, the summary above the rules, the hostile resource name shown as text, and no request
 * other than the file itself (Chrome's network events from its performance log). A screenshot is left in
 * target/html-report/ for people to look at.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target", "html-report").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
                .as("Chromium and its driver are installed by scripts/system-deps.sh (./run-tests runs it)").isTrue();
        Files.createDirectories(OUT);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // without the networking flags Chromium's own background connections are refused by this machine's network
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("vigil-chromium"), "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens a file and returns the URL of every request the page made, the file's own included. */
    private static List<String> open(Path file) throws IOException {
        browser.manage().logs().get(LogType.PERFORMANCE);   // forget earlier pages' events
        browser.get(file.toUri().toString());
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).get("message");
            if (message.get("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.at("/params/request/url").asText());
            }
        }
        return urls;
    }

    @Test
    void aPersonSeesTheSummaryFirstThenEachFailingRuleWithItsArticleAndFix() throws Exception {
        Path file = Files.writeString(OUT.resolve("report.html"), HtmlSample.render(HtmlSample.result()));
        List<String> requests = open(file);

        assertThat(requests).as("the page asks for nothing but itself").containsOnly(file.toUri().toString());
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains("Vigil report", "Account 123456789012", "Summary", "Failures by risk",
                "Failures by category", "Failing checks by rule (3 in 2 rules)", "Why it matters",
                "Fix for these resources", "Suppressed (1)", "rebuilt nightly from S3", "Not decided (2)",
                "Errors: these parts were not evaluated");
        assertThat(browser.findElements(By.cssSelector(".tile"))).extracting(WebElement::getText)
                .containsExactly("8\nchecks", "3\nfailed", "2\npassed", "2\nnot decided", "1\nsuppressed");
        assertThat(browser.findElements(By.cssSelector(".chart svg text"))).extracting(WebElement::getText)
                .containsSubsequence("HIGH", "2", "MEDIUM", "0", "LOW", "1")
                .containsSubsequence("reliability", "3");

        assertThat(text).contains(HtmlSample.HOSTILE);
        assertThat(browser.executeScript("return document.scripts.length")).isEqualTo(0L);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        WebElement summary = browser.findElement(By.id("summary"));
        List<WebElement> failing = browser.findElements(By.cssSelector("section.rule.order-3"));
        WebElement suppressed = browser.findElement(By.cssSelector("section.rule.order-7"));
        assertThat(failing).extracting(s -> s.findElement(By.tagName("h3")).getText())
                .containsExactly("DynamoDB-003 DynamoDB Continuous Backups HIGH",
                        "Backup-001 AWS Backup in Use for Amazon RDS LOW");
        assertThat(summary.getRect().getY()).as("written last, shown first").isLessThan(failing.getFirst().getRect().getY());
        assertThat(suppressed.getRect().getY()).isGreaterThan(failing.getLast().getRect().getY());
        assertThat(failing.getFirst().getText()).contains("orders", HtmlSample.HOSTILE,
                "aws dynamodb update-continuous-backups --region us-east-1 --table-name orders");

        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 100, 12_000)));
        Files.write(OUT.resolve("report.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theRequestCheckSeesAPageThatFetches() throws Exception {
        Path file = Files.writeString(OUT.resolve("fetches.html"), "<!DOCTYPE html><html><body>"
                + "<img src=\"http://127.0.0.1:9/pixel.png\" alt=\"\"></body></html>");
        assertThat(open(file)).contains("http://127.0.0.1:9/pixel.png");
    }
}
