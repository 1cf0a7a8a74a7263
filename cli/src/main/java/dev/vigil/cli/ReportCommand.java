package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;
import dev.vigil.report.compliance.ComplianceFormats;
import dev.vigil.report.compliance.ComplianceReport;
import dev.vigil.server.ComplianceHtml;
import dev.vigil.server.ComplianceReports;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil report --standard NIST5}: how the stored checks stand against one compliance standard. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The compliance report of a standard from the store: each control and rule with passing, "
                + "failing and suppressed checks, and the failing resources.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--standard", required = true, paramLabel = "ID",
            description = "The compliance standard, e.g. NIST5 ('vigil rules --compliance ID' lists its rules).")
    String standard;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT",
            description = "html (one self-contained page), json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE.")
    Path output;

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("html") && !chosen.equals("json") && !chosen.equals("csv")) {
            throw new Vigil.UserException("unknown format '" + format + "'; choose html, json or csv");
        }
        ComplianceReport report;
        try (Store store = storeOptions.open()) {
            report = ComplianceReports.build(store, Catalog.load(), standard, 0);
        } catch (IllegalArgumentException e) {
            throw new Vigil.UserException(e.getMessage());
        }
        Writer out = output == null ? spec.commandLine().getOut()
                : new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8);
        try {
            switch (chosen) {
                case "json" -> ComplianceFormats.json(report, out);
                case "csv" -> ComplianceFormats.csv(report, out);
                default -> ComplianceHtml.write(report, out);
            }
            out.flush();
        } finally {
            if (output != null) {
                out.close();
            }
        }
        return Vigil.OK;
    }
}
