package dev.vigil.cli;

import dev.vigil.store.Store;
import dev.vigil.store.StoredCheck;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil suppress} and {@code vigil unsuppress}: every change is kept in the audit trail. */
final class SuppressCommand {

    private SuppressCommand() {
    }

    /** Who made the change: --by, else the OS user. */
    static String actor(String by) {
        return by != null ? by : System.getProperty("user.name", "unknown");
    }

    @Command(name = "suppress", mixinStandardHelpOptions = true,
            description = "Suppress a stored check: listed and marked, left out of counts and exit codes.")
    static final class Suppress implements Callable<Integer> {
        @Parameters(paramLabel = "CHECK-ID") String checkId;
        @Option(names = "--note", required = true, description = "Why (required).") String note;
        @Option(names = "--until", paramLabel = "DATE", description = "Lapses at the start of DATE (UTC), e.g. 2027-03-01.")
        String until;
        @Option(names = "--by", paramLabel = "NAME", description = "Who (default: the OS user).") String by;
        @Mixin StoreOptions storeOptions;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Instant end = null;
            if (until != null) {
                try {
                    end = LocalDate.parse(until).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e) {
                    throw new Vigil.UserException("--until " + until + ": expected a date like 2027-03-01");
                }
            }
            StoredCheck check;
            try (Store store = storeOptions.open()) {
                check = store.checks().suppress(checkId, note, end, actor(by));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("suppressed " + check.id() + (end == null ? "" : " until " + end));
            out.flush();
            return Vigil.OK;
        }
    }

    @Command(name = "unsuppress", mixinStandardHelpOptions = true, description = "Lift a check's suppression.")
    static final class Unsuppress implements Callable<Integer> {
        @Parameters(paramLabel = "CHECK-ID") String checkId;
        @Option(names = "--note", required = true, description = "Why (required).") String note;
        @Option(names = "--by", paramLabel = "NAME", description = "Who (default: the OS user).") String by;
        @Mixin StoreOptions storeOptions;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = storeOptions.open()) {
                store.checks().unsuppress(checkId, note, actor(by));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("unsuppressed " + checkId);
            out.flush();
            return Vigil.OK;
        }
    }
}
