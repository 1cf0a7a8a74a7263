package dev.vigil.cli;

import dev.vigil.aws.Accounts;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.LiveScanner;
import dev.vigil.aws.MultiAccountScanner;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scan", description = "Scan a live AWS account (read-only) and report checks.",
        mixinStandardHelpOptions = true)
final class ScanCommand implements Callable<Integer> {

    @Mixin
    RuleSelection rules;

    @Option(names = "--stats", description = "Print API calls, retries and throttles per operation to stderr.")
    boolean stats;

    @Option(names = "--org", description = "Scan every active account of the AWS Organization through --role-name.")
    boolean organization;

    @Option(names = "--account", paramLabel = "ID", description = "Scan this account through --role-name; repeatable.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--role-name", paramLabel = "NAME", defaultValue = Accounts.DEFAULT_ROLE,
            description = "Role assumed in each account of --org / --account (default: ${DEFAULT-VALUE}).")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "External ID the role's trust policy requires.")
    String externalId;

    @Option(names = "--max-accounts", paramLabel = "N", defaultValue = "8",
            description = "Accounts scanned at once (default: ${DEFAULT-VALUE}); each runs all its regions at once.")
    int maxAccounts;

    @Option(names = "--security-hub", description = "Also import the checks into the account's AWS Security Hub as "
            + "ASFF findings: failing ones active, passing and suppressed ones archived (needs "
            + "securityhub:BatchImportFindings).")
    boolean securityHub;

    @Option(names = "--store", description = "Also write the results into the store (one run; see 'vigil runs').")
    boolean store;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    AwsOptionsMixin aws;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<RuleDefinition> selected = rules.select(Catalog.load());
        Accounts targets = new Accounts(organization, accounts, roleName, externalId, maxAccounts);
        if (securityHub && targets.any()) {
            throw new Vigil.UserException("--security-hub imports into the scanned account's own Security Hub (AWS"
                    + " accepts findings only from their own account); it cannot be combined with --org or --account."
                    + " Run 'vigil scan --security-hub' in each account.");
        }
        if (store) {
            if (targets.any()) {
                throw new Vigil.UserException("--store scans the credentials' own account; for more accounts, list them "
                        + "in the config of 'vigil serve'");
            }
            if (securityHub) {
                throw new Vigil.UserException("--security-hub and --store are separate scans for now; run"
                        + " 'vigil scan --security-hub' and 'vigil scan --store' one after the other");
            }
            return StoredScan.scan(aws.toOptions(), aws.endpoint, selected, storeOptions, output.failOn,
                    spec.commandLine().getOut());
        }
        PrintWriter err = spec.commandLine().getErr();
        return scan(aws.toOptions(), targets, selected, output, stats ? err : null, securityHub ? err : null);
    }

    /**
     * Scans and reports; prints call statistics to {@code stats} when it is given; imports the checks into the
     * account's Security Hub, saying what was imported to {@code securityHub}, when that is given.
     */
    static int scan(AwsOptions options, Accounts accounts, List<RuleDefinition> rules, OutputOptions output,
                    PrintWriter stats, PrintWriter securityHub) throws Exception {
        try (AwsConnection connection = new AwsConnection(options)) {
            ScanResult result = accounts.any()
                    ? new MultiAccountScanner(connection, accounts).scan(rules, TerminalProgress.forStderr())
                    : new LiveScanner(connection).scan(rules, TerminalProgress.forStderr());
            SecurityHubExport export = securityHub == null ? null
                    : new SecurityHubExport(connection, result.account(), rules);
            int exit = output.report(export == null ? result : result.peek(export), rules);
            if (export != null && !export.finish(securityHub)) {
                exit = Vigil.ERRORS;
            }
            if (stats != null) {
                printStats("scan", connection.stats().snapshot(), stats);
                printGroups(connection.stats().byGroup(), stats);
            }
            return exit;
        }
    }

    /** Calls, retries and throttles per operation, under a title naming what made them. */
    static void printStats(String title, Map<String, CallStats.Count> counts, PrintWriter err) {
        err.printf("%-40s %8s %8s %9s%n", title + ": operation", "calls", "retries", "throttles");
        for (Map.Entry<String, CallStats.Count> e : counts.entrySet()) {
            err.printf("%-40s %8d %8d %9d%n", e.getKey(), e.getValue().calls(), e.getValue().retries(),
                    e.getValue().throttles());
        }
        err.flush();
    }

    /** Calls per rule group (the services of the rules a collector worked for; "account" for the rest). */
    static void printGroups(Map<String, Long> groups, PrintWriter err) {
        err.printf("%-40s %8s%n", "scan: rule group", "calls");
        groups.forEach((group, calls) -> err.printf("%-40s %8d%n", group, calls));
        err.flush();
    }
}
