package dev.vigil.cli;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.SecurityHubImporter;
import dev.vigil.core.check.Check;
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

    /** Sends the rest, says what was imported and what was not (one line per finding); true when all was. */
    boolean finish(PrintWriter err) {
        SecurityHubImporter.Outcome outcome = importer.finish();
        err.printf("Security Hub: %d findings imported (%d active, %d archived because their check passes or is"
                + " suppressed)%s%n", outcome.imported(), outcome.imported() - outcome.archived(), outcome.archived(),
                outcome.failures().isEmpty() ? "" : "; " + outcome.failures().size() + " not imported:");
        for (SecurityHubImporter.Failure failure : outcome.failures()) {
            err.printf("  %s  %s  %s%n", failure.region(), failure.findingId(), failure.cause());
        }
        err.flush();
        return outcome.failures().isEmpty();
    }
}
