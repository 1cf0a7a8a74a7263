package dev.vigil.cli;

import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.report.Format;
import dev.vigil.report.ReportOptions;
import dev.vigil.report.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import picocli.CommandLine.Option;

/** Report format, destination and exit-code policy, shared by every command that reports checks. */
final class OutputOptions {

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "LOW", paramLabel = "RISK", converter = RiskConverter.class,
            description = "Exit 1 when a check at or above RISK fails: LOW, MEDIUM, HIGH, VERY_HIGH, EXTREME "
                    + "(default: ${DEFAULT-VALUE}).")
    Risk failOn;

    @Option(names = "--show-passed", description = "List passing checks in the table instead of counting them.")
    boolean showPassed;

    @Option(names = "--no-color", description = "No ANSI colours in the table.")
    boolean noColor;

    /**
     * Writes the report, describing {@code rules} (the rules that were run), and returns the exit code. The report
     * is written to a temporary file first and put in place (or copied to standard output) only once complete: a
     * report that could not be finished never looks like one that was.
     */
    int report(ScanResult result, List<RuleDefinition> rules) throws IOException {
        boolean toTerminal = output == null && System.console() != null;
        Summary.Tally tally = new Summary.Tally();
        ScanResult counted = result.peek(tally);   // counted as the report reads the checks: one pass
        ReportOptions options = new ReportOptions(toTerminal && !noColor && System.getenv("NO_COLOR") == null,
                showPassed, rules);
        if (output != null && Files.isDirectory(output)) {
            throw new Vigil.UserException("cannot write the report to " + output + ": it is a directory");
        }
        Path draft = output == null ? Files.createTempFile("vigil-report-", ".tmp") : draftBeside(output);
        try {
            try (OutputStream out = Files.newOutputStream(draft)) {
                format.report(options).write(counted, out);
            }
            if (output == null) {
                Files.copy(draft, System.out);
                System.out.flush();
                if (System.out.checkError()) {   // a PrintStream keeps its write errors to itself
                    throw new Vigil.UserException("cannot write the report to standard output (is it closed?)");
                }
            } else {
                moveIntoPlace(draft, output);
            }
        } finally {
            Files.deleteIfExists(draft);
        }
        Summary summary = tally.summary();
        if (summary.count(Status.ERROR) > 0 || !result.faults().isEmpty()) {
            return Vigil.ERRORS;
        }
        return summary.failuresAtLeast(failOn) > 0 ? Vigil.FAILURES : Vigil.OK;
    }

    /** A temporary file in the report's directory (so that it can be renamed into place); when it cannot be, why. */
    private static Path draftBeside(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            return Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            String why = switch (e) {
                case NoSuchFileException n -> "no such directory: " + directory;
                case AccessDeniedException a -> "permission denied";
                case FileSystemException f when f.getReason() != null -> f.getReason();
                default -> String.valueOf(e.getMessage());
            };
            throw new Vigil.UserException("cannot write the report to " + file + ": " + why);
        }
    }

    /** Renames the finished report over the target, atomically where the file system can. */
    private static void moveIntoPlace(Path draft, Path file) throws IOException {
        try {
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static final class RiskConverter implements picocli.CommandLine.ITypeConverter<Risk> {
        @Override
        public Risk convert(String value) {
            try {
                return Risk.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown risk '" + value
                        + "'; use LOW, MEDIUM, HIGH, VERY_HIGH or EXTREME");
            }
        }
    }
}
