package dev.vigil.server;

import static dev.vigil.server.Fixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.aws.emulator.Await;
import dev.vigil.core.check.Status;
import dev.vigil.store.CheckQuery;
import dev.vigil.store.StoredCheck;
import dev.vigil.testkit.Chromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard as a person uses it, in headless Chromium against a running vigil serve on moto: sign in, the
 * overview's numbers against the store, filter the checks, open one, suppress it with a note, see it marked; the
 * table named like a script shows as text; no request leaves the server. Screenshots of every page are kept in
 * server/target/screenshots/.
 */
class DashboardBrowserTest {

    @TempDir
    static Path dir;
    static Fixture fixture;
    static Chromium chromium;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        fixture = Fixture.start(dir);
        chromium = Chromium.start(Path.of("target", "screenshots").toAbsolutePath());
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static long count(CheckQuery query) {
        return fixture.store.checks().count(query);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void aPersonSignsInReadsTheOverviewFiltersOpensAndSuppressesACheck() {
        String base = fixture.base();
        chromium.forgetRequests();
        browser.get(base + "/checks");
        assertThat(browser.getCurrentUrl()).startsWith(base + "/login");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("sessions", "customers");
        chromium.screenshot("01-sign-in");

        browser.findElement(By.id("key")).sendKeys("vigil_wrong");
        browser.findElement(By.id("signin")).click();
        assertThat(text("error")).contains("not valid");
        browser.findElement(By.id("key")).sendKeys(fixture.key);
        browser.findElement(By.id("signin")).click();
        // the sign-in answers with a redirect: wait for the browser to have followed it
        Await.until("the browser is at /checks", Duration.ofSeconds(20),
                () -> browser.getCurrentUrl().equals(base + "/checks"));

        browser.get(base + "/");
        CheckQuery current = CheckQuery.ALL.withSuppressed(false);
        assertThat(Long.parseLong(text("failing"))).isEqualTo(count(current.withStatuses(Set.of(Status.FAILURE))));
        assertThat(Long.parseLong(text("passing"))).isEqualTo(count(current.withStatuses(Set.of(Status.SUCCESS))));
        assertThat(Long.parseLong(text("suppressed"))).isEqualTo(count(CheckQuery.ALL.withSuppressed(true)));
        assertThat(Long.parseLong(text("errors"))).isEqualTo(count(current.withStatuses(Set.of(Status.ERROR, Status.UNKNOWN))));
        assertThat(Long.parseLong(text("trend-today"))).isEqualTo(count(CheckQuery.ALL.withStatuses(Set.of(Status.FAILURE))));
        assertThat(browser.findElements(By.cssSelector("#by-risk svg text"))).extracting(WebElement::getText)
                .containsSubsequence("HIGH", Long.toString(count(current.withStatuses(Set.of(Status.FAILURE))
                        .withRisks(Set.of(dev.vigil.core.rule.Risk.HIGH)))));
        assertThat(text("standards")).contains("NIST5", "AWAF");
        assertThat(text("accounts")).contains(ACCOUNT);
        chromium.screenshot("02-overview");
        browser.findElement(By.linkText("90 days")).click();
        assertThat(text("trend")).contains("last 90 days");

        browser.get(base + "/checks");
        browser.findElement(By.cssSelector("#status option[value=FAILURE]")).click();
        browser.findElement(By.name("filter[ruleIds]")).sendKeys("DynamoDB-003");
        browser.findElement(By.id("apply")).click();
        long failingTables = count(CheckQuery.ALL.withStatuses(Set.of(Status.FAILURE)).withRuleIds(Set.of("DynamoDB-003")));
        assertThat(text("count")).startsWith(failingTables + " checks");
        List<WebElement> rows = browser.findElements(By.cssSelector("#check-list tbody tr"));
        assertThat(rows).hasSize((int) failingTables);
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains(Fixture.HOSTILE, "sessions", "customers").doesNotContain("orders");
        assertThat(browser.executeScript("return document.scripts.length")).isEqualTo(0L);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        chromium.screenshot("03-checks-filtered");

        browser.findElement(By.linkText("customers")).click();
        assertThat(text("status")).isEqualTo("FAILURE");
        assertThat(text("history")).contains("NEW", "FAILURE", fixture.firstRun.id());
        assertThat(text("fix")).contains("aws dynamodb update-continuous-backups", "customers", "AWS::DynamoDB::Table",
                "resource \"aws_dynamodb_table\"");
        assertThat(text("article")).contains("point-in-time");
        chromium.screenshot("04-check");

        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).format(DateTimeFormatter.ISO_LOCAL_DATE);
        browser.findElement(By.id("note")).sendKeys("rebuilt nightly from S3");
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("until")), until);
        browser.findElement(By.id("suppress-button")).click();
        assertThat(text("suppressed")).isEqualTo("SUPPRESSED");
        assertThat(text("suppression-note")).contains("api-key:ci", "rebuilt nightly from S3", until);
        StoredCheck stored = fixture.store.checks().get("ccc:" + ACCOUNT + ":DynamoDB-003:DynamoDB:eu-west-1:customers")
                .orElseThrow();
        assertThat(stored.suppressedAt(fixture.store.clock().instant())).isTrue();
        assertThat(fixture.store.checks().audit(stored.id())).singleElement()
                .satisfies(a -> assertThat(a.actor()).isEqualTo("api-key:ci"));
        chromium.screenshot("05-check-suppressed");

        browser.get(base + "/checks?filter%5BruleIds%5D=DynamoDB-003");
        WebElement row = browser.findElements(By.cssSelector("#check-list tbody tr")).stream()
                .filter(r -> r.getText().contains("customers")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("SUPPRESSED");
        assertThat(row.getAttribute("class")).contains("suppressed");

        browser.get(base + "/runs");
        chromium.screenshot("06-runs");
        browser.findElement(By.linkText(fixture.firstRun.id())).click();
        assertThat(text("new-failures")).contains("sessions", "customers", Fixture.HOSTILE);
        chromium.screenshot("07-run");

        browser.get(base + "/accounts");
        assertThat(text("account-list")).contains("prod", ACCOUNT, "every 12h");
        browser.findElement(By.cssSelector("button.scan-now")).click();
        assertThat(text("notice")).containsAnyOf("Started run", "joined run");
        chromium.screenshot("08-accounts");

        browser.get(base + "/compliance/NIST5");
        assertThat(text("score")).contains("Score:");
        chromium.screenshot("09-compliance-nist5");
        browser.get(base + "/rules/DynamoDB-003");
        chromium.screenshot("10-rule");

        // data: and chrome: URLs never leave the browser (its own date-picker and search-field icons);
        // nothing else may go anywhere but the server
        assertThat(chromium.requests()).as("every request went to the server itself")
                .allMatch(u -> u.startsWith(base + "/") || u.startsWith("data:") || u.startsWith("chrome://"));
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefusedAndAReadOnlyKeySeesNoSuppressForm() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = fixture.base();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("key=" + fixture.readOnlyKey + "&next=/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(303);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict").doesNotContain(fixture.readOnlyKey);
        String cookie = setCookie.split(";")[0];
        String id = "ccc:" + ACCOUNT + ":DynamoDB-003:DynamoDB:us-east-1:sessions";
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "/suppress/" + id))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("note=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("security token");
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + fixture.key)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> checkPage = http.send(HttpRequest.newBuilder(URI.create(base + "/checks/" + id))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(checkPage.statusCode()).isEqualTo(200);
        assertThat(checkPage.body()).contains("read-only").doesNotContain("id=\"suppress\"");
        assertThat(checkPage.headers().firstValue("Content-Security-Policy")).hasValue(Server.CONTENT_SECURITY_POLICY);
        assertThat(fixture.store.checks().get(id).orElseThrow().suppression()).isNull();

        HttpResponse<String> noSession = http.send(HttpRequest.newBuilder(URI.create(base + "/runs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noSession.statusCode()).isEqualTo(303);
        assertThat(noSession.headers().firstValue("Location")).hasValue("/login?next=%2Fruns");
    }
}
