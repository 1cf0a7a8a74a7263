package dev.vigil.server;

import dev.vigil.report.compliance.ComplianceReport;
import dev.vigil.server.view.ReportPage;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import dev.vigil.report.html.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The compliance report as one self-contained HTML page ({@code vigil report --standard ID --format html}): the same
 * templates and escaping as the dashboard, the HTML report's styles inline and its Content-Security-Policy, which
 * lets the page load, run and send nothing, so it reads the same mailed or opened from disk.
 */
public final class ComplianceHtml {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String CSS = css();

    private ComplianceHtml() {
    }

    public static void write(ComplianceReport report, Writer out) {
        ENGINE.render("compliance-report.jte", Map.of("page", new ReportPage(report, CSS, Page.CONTENT_SECURITY_POLICY)),
                new WriterOutput(out));
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML report's styles, then the dashboard's for what they add (the same page either way). */
    private static String css() {
        return Page.styles().html() + "\n" + new String(Assets.content("dashboard.css"), StandardCharsets.UTF_8);
    }
}
