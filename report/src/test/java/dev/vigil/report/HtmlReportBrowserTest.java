package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The HTML report as a person sees it, in Debian's headless Chromium (testkit's {@link Chromium}):
 * visible text and counts, the summary above the rules, the hostile resource name shown as text, and no request
 * other than the file itself (Chrome's network events from its performance log). A screenshot is left in
 * target/html-report/ for people to look at.
 */
class HtmlReportBrowserTest {

    private static final Path OUT = Path.of("target", "html-report").toAbsolutePath();

    private static Chromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        chromium = Chromium.start(OUT);
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Opens a file and returns the URL of every request the page made, the file's own included. */
    private static List<String> open(Path file) {
        chromium.forgetRequests();
        browser.get(file.toUri().toString());
        return chromium.requests();
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

        chromium.screenshot("report");
    }

    @Test
    void theRequestCheckSeesAPageThatFetches() throws Exception {
        Path file = Files.writeString(OUT.resolve("fetches.html"), "<!DOCTYPE html><html><body>"
                + "<img src=\"http://127.0.0.1:9/pixel.png\" alt=\"\"></body></html>");
        assertThat(open(file)).contains("http://127.0.0.1:9/pixel.png");
    }
}
