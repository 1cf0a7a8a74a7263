package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;
import dev.vigil.realtime.setup.Setup;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil realtime}: what real-time re-checks need in AWS. */
@Command(name = "realtime", mixinStandardHelpOptions = true, subcommands = RealtimeCommand.SetupCommand.class,
        description = "Real-time re-checks: set up the EventBridge rules and the SQS queue that vigil serve consumes.")
final class RealtimeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Vigil.ERRORS;
    }

    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = "Print the EventBridge rules (an event pattern listing exactly the events the rules are "
                    + "re-checked after), the SQS queue, its dead-letter queue and their policies, for one account or "
                    + "an organization.")
    static final class SetupCommand implements Callable<Integer> {

        @Option(names = "--emit", required = true, paramLabel = "FORMAT",
                description = "cloudformation or terraform.")
        Setup.Format format;

        @Option(names = "--organization", description = "A central event bus and queue for the organization, and the "
                + "member accounts' forwarding rules as a StackSet.")
        boolean organization;

        @Option(names = "--rule", paramLabel = "ID", description = "Rule to re-check in real time; repeatable "
                + "(default: all rules).")
        List<String> rules = new ArrayList<>();

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String template = Setup.emit(format, organization, Catalog.load().select(rules));
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(template);
                out.flush();
            } else {
                Files.writeString(output, template, StandardCharsets.UTF_8);
            }
            return Vigil.OK;
        }
    }
}
