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
        return scan(aws.toOptions(), targets, selected, output, stats ? spec.commandLine().getErr() : null);
    }

    /** Scans and reports; prints call statistics to {@code stats} when it is given. */
    static int scan(AwsOptions options, Accounts accounts, List<RuleDefinition> rules, OutputOptions output,
                    PrintWriter stats) throws Exception {
        try (AwsConnection connection = new AwsConnection(options)) {
            ScanResult result = accounts.any()
                    ? new MultiAccountScanner(connection, accounts).scan(rules, TerminalProgress.forStderr())
                    : new LiveScanner(connection).scan(rules, TerminalProgress.forStderr());
            int exit = output.report(result, rules);
            if (stats != null) {
                printStats("scan", connection.stats().snapshot(), stats);
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
}
