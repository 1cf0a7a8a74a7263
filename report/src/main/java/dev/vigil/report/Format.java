package dev.vigil.report;

/** The output formats; each one reads only checks, notes, faults and rule metadata. */
public enum Format {
    TABLE, JSON, CSV, SARIF, JUNIT, OCSF, ASFF, HTML;

    /** Whether the format can describe template checks: ASFF findings belong to an AWS account, templates have none. */
    public boolean describesTemplates() {
        return this != ASFF;
    }

    public Report report(ReportOptions options) {
        return switch (this) {
            case TABLE -> new TableReport(options);
            case JSON -> new JsonReport();
            case CSV -> new CsvReport();
            case SARIF -> new SarifReport(options.rules());
            case JUNIT -> new JunitReport(options.rules());
            case OCSF -> new OcsfReport(options);
            case ASFF -> new AsffReport(options);
            case HTML -> new HtmlReport(options);
        };
    }
}
