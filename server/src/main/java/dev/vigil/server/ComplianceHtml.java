package dev.vigil.server;

import dev.vigil.report.compliance.ComplianceReport;
import dev.vigil.server.view.ReportPage;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The compliance report as one self-contained HTML page ({@code vigil report --standard ID --format html}): the same
 * template language and escaping as the dashboard, its styles inline, and a Content-Security-Policy that lets the page
 * load, run and send nothing, so it reads the same mailed or opened from disk.
 */
public final class ComplianceHtml {

    /** Inline styles only; nothing may load, connect, run or submit. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String CSS = css();

    private ComplianceHtml() {
    }

    public static void write(ComplianceReport report, Writer out) {
        ENGINE.render("compliance-report.jte", Map.of("page", new ReportPage(report, CSS, CONTENT_SECURITY_POLICY)),
                new WriterOutput(out));
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String css() {
        try (InputStream in = ComplianceHtml.class.getResourceAsStream("assets/dashboard.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
