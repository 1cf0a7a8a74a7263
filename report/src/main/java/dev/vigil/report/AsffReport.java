package dev.vigil.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.check.Check;
import dev.vigil.core.engine.ScanResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * ASFF findings as a JSON array, one per check, in the shape {@code aws securityhub batch-import-findings
 * --findings} reads; written as the checks come. Only live checks have an account: templates have no ASFF form.
 */
final class AsffReport implements Report {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final AsffFindings findings;

    AsffReport(ReportOptions options) {
        this.findings = new AsffFindings(options.rules(), options.time());
    }

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Check c : result.checks()) {
                findings.write(g, c);
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }
}
