package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.report.html.Articles;
import dev.vigil.report.html.HtmlWriter;
import dev.vigil.report.html.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML page as text: self-contained, escaped, complete. HtmlReportBrowserTest renders it in Chromium. */
class HtmlReportTest {

    private static String page;

    @BeforeAll
    static void render() throws Exception {
        page = HtmlSample.render(HtmlSample.result());
    }

    @Test
    void everyValueIsEscapedAndThePageHasNoScript() {
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Pattern.compile("<script", Pattern.CASE_INSENSITIVE).matcher(page).find()).isFalse();
        assertThat(page).as("no event handler attributes").doesNotContainPattern("<[^>]*\\son[a-z]+=");
    }

    @Test
    void thePageCarriesEverythingInlineAndForbidsRequests() {
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<style>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
                        + HtmlWriter.escape(Page.CONTENT_SECURITY_POLICY) + "\">");
        assertThat(page).doesNotContain("<link").doesNotContain("src=").doesNotContain("url(").doesNotContain("@import");
        assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void failingRulesCarryTheirArticleAndTheFixForTheirResources() {
        assertThat(page).contains("DynamoDB-003 DynamoDB Continuous Backups", "Backup-001")
                .contains("Why it matters")
                .contains("aws dynamodb update-continuous-backups --region us-east-1 --table-name orders")
                .contains("resource &quot;aws_backup_plan&quot;")
                .contains("PointInTimeRecoveryEnabled: true");
        assertThat(page).contains("Suppressed (1)", "rebuilt nightly from S3", "Not decided (2)",
                "AWS Backup is in use for Amazon RDS in us-east-1", "Errors: these parts were not evaluated");
    }

    @Test
    void articlesEscapeRawHtmlAndNeverFetch() {
        String html = Articles.html("""
                # Evil-001 — Title
                ## What it checks
                <img src=x onerror=alert(1)> and <b>bold</b>

                <script>alert(2)</script>

                ![logo](https://example.com/logo.png) [click](javascript:alert(3))
                """, 2).html();
        assertThat(html).doesNotContain("<img").doesNotContain("<script").doesNotContain("<b>")
                .doesNotContain("javascript:").doesNotContain("Evil-001");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(2)&lt;/script&gt;",
                "<h4>What it checks</h4>", "logo");
    }

    @Test
    void escapingReplacesCharactersHtmlForbids() {
        assertThat(HtmlWriter.escape("a\u0001b\"'&")).isEqualTo("a\uFFFDb&quot;&#39;&amp;");
    }
}
