package dev.vigil.report;

import java.util.Locale;

/** The output formats; each one reads only checks, notes, faults and rule metadata. */
public enum Format {
    TABLE, JSON, CSV;

    public Report report(ReportOptions options) {
        return switch (this) {
            case TABLE -> new TableReport(options);
            case JSON -> new JsonReport();
            case CSV -> new CsvReport();
        };
    }

    public static Format parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
