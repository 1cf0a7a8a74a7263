package dev.vigil.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.check.Check;
import java.io.IOException;

/**
 * ASFF findings as a JSON array, one per check, in the shape {@code aws securityhub batch-import-findings
 * --findings} reads; written as the checks come. Only live checks have an account: templates have no ASFF form.
 */
final class AsffReport extends FindingArray {

    private final AsffFindings findings;

    AsffReport(ReportOptions options) {
        this.findings = new AsffFindings(options.rules(), options.time());
    }

    @Override
    void writeFinding(JsonGenerator g, Check c) throws IOException {
        findings.write(g, c);
    }
}
