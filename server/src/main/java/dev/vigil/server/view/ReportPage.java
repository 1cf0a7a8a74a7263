package dev.vigil.server.view;

import dev.vigil.report.compliance.ComplianceReport;

/** The self-contained compliance report: the report, the styles to inline and the page's policy. */
public record ReportPage(ComplianceReport report, String css, String contentSecurityPolicy) {
}
