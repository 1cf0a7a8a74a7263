package dev.vigil.cli;

import dev.vigil.store.Run;
import dev.vigil.store.RunRegion;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs in the store, newest first.")
final class RunsCommand implements Callable<Integer> {

    @Option(names = "--account", paramLabel = "ID", description = "Only this account's runs.")
    String account;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = storeOptions.open()) {
            out.printf("%-24s %-12s %-14s %-10s %-20s %-9s %7s %9s  %s%n", "RUN", "ACCOUNT", "NAME", "TRIGGER", "STARTED",
                    "OUTCOME", "SECONDS", "API CALLS", "REGIONS (NODE)");
            for (Run run : store.runs().list(account, limit)) {
                String seconds = run.finished() == null ? "-"
                        : Long.toString(Duration.between(run.started(), run.finished()).toSeconds());
                out.printf("%-24s %-12s %-14s %-10s %-20s %-9s %7s %9d  %s%n", run.id(), run.accountId(),
                        Text.cut(run.accountName(), 14), run.trigger().label(), run.started().toString().substring(0, 19) + "Z",
                        run.outcome().label(), seconds, run.apiCalls(), run.jobs().stream().map(RunsCommand::job)
                                .collect(Collectors.joining(", ")));
                if (run.error() != null) {
                    out.println("    " + run.error());
                }
            }
        }
        out.flush();
        return Vigil.OK;
    }

    private static String job(RunRegion j) {
        String state = j.state() == RunRegion.State.DONE ? "" : " " + j.state().name().toLowerCase(java.util.Locale.ROOT);
        return j.region() + (j.node() == null ? "" : " (" + j.node() + ")") + state;
    }
}
