package dev.vigil.server.view;

import dev.vigil.report.compliance.ComplianceReport;

/** The compliance page of one standard. */
public record StandardView(Frame frame, ComplianceReport report) {
}
