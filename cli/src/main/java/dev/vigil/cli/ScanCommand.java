package dev.vigil.cli;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.LiveScanner;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scan", description = "Scan a live AWS account (read-only) and report checks.",
        mixinStandardHelpOptions = true)
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--rule", paramLabel = "ID", description = "Rule to run; repeatable (default: all rules).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--stats", description = "Print API calls and retries per operation to stderr.")
    boolean stats;

    @Mixin
    AwsOptionsMixin aws;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        List<RuleDefinition> selected = Catalog.load().select(rules);
        return scan(aws.toOptions(), selected, output, stats);
    }

    static int scan(AwsOptions options, List<RuleDefinition> rules, OutputOptions output, boolean stats)
            throws Exception {
        try (AwsConnection connection = new AwsConnection(options)) {
            ScanResult result = new LiveScanner(connection).scan(rules, TerminalProgress.forStderr());
            int exit = output.report(result);
            if (stats) {
                printStats(connection.stats());
            }
            return exit;
        }
    }

    private static void printStats(CallStats stats) {
        System.err.printf("%-40s %8s %8s%n", "operation", "calls", "retries");
        for (Map.Entry<String, CallStats.Count> e : stats.snapshot().entrySet()) {
            System.err.printf("%-40s %8d %8d%n", e.getKey(), e.getValue().calls(), e.getValue().retries());
        }
    }
}
