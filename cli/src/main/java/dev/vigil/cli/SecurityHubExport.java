package dev.vigil.cli;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.SecurityHubImporter;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Printable;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.report.AsffFindings;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** {@code scan --security-hub}: every check, as the report reads it, becomes an ASFF finding for import. */
final class SecurityHubExport implements Consumer<Check> {

    private final AsffFindings findings;
    private final SecurityHubImporter importer;

    SecurityHubExport(AwsConnection connection, String account, List<RuleDefinition> rules) {
        this.findings = new AsffFindings(rules, Instant.now());
        this.importer = new SecurityHubImporter(connection, account);
    }

    @Override
    public void accept(Check check) {
        AsffFindings.Finding f = findings.of(check);
        importer.add(f.account(), f.region(), f.id(), f.archived(), f.json());
    }

    /**
     * Sends the rest and says what was imported and what was not: a line per call that failed (e.g. Security Hub
     * not enabled in a region) and per finding Security Hub rejected. True when everything was imported.
     */
    boolean finish(PrintWriter err) {
        return print(importer.finish(), err);
    }

    static boolean print(SecurityHubImporter.Outcome outcome, PrintWriter err) {
        err.printf("Security Hub: %d findings imported (%d active, %d archived because their check passes or is"
                + " suppressed)%s%n", outcome.imported(), outcome.imported() - outcome.archived(), outcome.archived(),
                outcome.notImported() == 0 ? "" : "; " + outcome.notImported() + " not imported:");
        for (SecurityHubImporter.FailedCall call : outcome.failedCalls()) {
            err.printf("  %s  %d findings  %s%n", call.region(), call.findings(), Printable.of(call.cause()));
        }
        for (SecurityHubImporter.Failure failure : outcome.failures()) {
            err.printf("  %s  %s  %s%n", failure.region(), Printable.of(failure.findingId()),
                    Printable.of(failure.cause()));
        }
        err.flush();
        return outcome.notImported() == 0;
    }
}
