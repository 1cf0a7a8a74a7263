package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Printable;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Note;
import dev.vigil.core.rule.Risk;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The terminal report: checks grouped by risk (highest first), region verdicts, errors, a summary line. */
final class TableReport implements Report {

    private static final String RESET = "\u001b[0m";
    private static final Map<Status, String> COLORS = Map.of(Status.SUCCESS, "\u001b[32m",
            Status.FAILURE, "\u001b[31m", Status.ERROR, "\u001b[35m", Status.UNKNOWN, "\u001b[33m");
    private static final Map<Status, String> LABELS = Map.of(Status.SUCCESS, "PASS", Status.FAILURE, "FAIL",
            Status.ERROR, "ERROR", Status.UNKNOWN, "UNKNOWN");

    private final ReportOptions options;

    TableReport(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<Check> all = result.checkList();   // grouped for people to read, so held in memory
        Summary summary = Summary.of(all);
        w.printf("Vigil — %s — %d checks%n", result.account() == null ? "templates" : "account " + result.account(),
                summary.total());
        Map<Risk, List<Check>> byRisk = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (Check c : all) {
            byRisk.computeIfAbsent(c.rule().risk(), r -> new ArrayList<>()).add(c);
        }
        byRisk.forEach((risk, checks) -> writeGroup(w, risk, checks));
        writeNotes(w, result.notes());
        writeErrors(w, result.faults());
        w.println();
        w.println(summaryLine(summary));
        w.flush();
    }

    private void writeGroup(PrintWriter w, Risk risk, List<Check> checks) {
        w.printf("%n%s risk%n", risk.name().replace('_', ' '));
        List<Check> shown = new ArrayList<>();
        int passed = 0;
        for (Check c : checks) {
            if (c.status() == Status.SUCCESS && c.suppression() == null && !options.showPassed()) {
                passed++;
            } else {
                shown.add(c);
            }
        }
        shown.sort(java.util.Comparator.comparing((Check c) -> c.status() == Status.SUCCESS)
                .thenComparing(c -> c.rule().id()).thenComparing(TableReport::where).thenComparing(Check::resourceName));
        // at least the width Conformity's IDs take; wider when a group shows a Vigil- ID
        int idWidth = Math.max(12, shown.stream().mapToInt(c -> c.rule().id().length()).max().orElse(0));
        int whereWidth = shown.stream().mapToInt(c -> where(c).length()).max().orElse(0);
        int nameWidth = Math.min(48, shown.stream().mapToInt(c -> Printable.of(c.resourceName()).length()).max()
                .orElse(0));
        for (Check c : shown) {
            String label = c.suppression() != null ? "SKIP" : LABELS.get(c.status());
            String reason = c.suppression() != null ? " [suppressed: " + Printable.of(c.suppression()) + "]" : "";
            w.printf("  %s  %-" + idWidth + "s  %-" + whereWidth + "s  %-" + nameWidth + "s  %s%s%n",
                    paint(c.status(), label),
                    c.rule().id(), where(c), Printable.of(c.resourceName()), Printable.of(c.message()), reason);
        }
        if (passed > 0) {
            w.printf("  %s%n", paint(Status.SUCCESS, passed + " passed"));
        }
    }

    private String paint(Status status, String text) {
        String padded = String.format("%-7s", text);
        return options.color() ? COLORS.get(status) + padded + RESET : padded;
    }

    /** Region for live checks, file:line for template checks. */
    private static String where(Check c) {
        return Printable.of(switch (c.origin()) {
            case Origin.Live l -> l.region();
            case Origin.Template t -> t.file() + ":" + t.line();
        });
    }

    private static void writeNotes(PrintWriter w, List<Note> notes) {
        if (!notes.isEmpty()) {
            w.println();
            notes.stream().sorted(java.util.Comparator.comparing(Note::ruleId).thenComparing(Note::scope))
                    .forEach(n -> w.printf("%s: %s%n", n.ruleId(), Printable.of(n.text())));
        }
    }

    private static void writeErrors(PrintWriter w, List<Fault> faults) {
        if (!faults.isEmpty()) {
            w.printf("%nErrors (these parts were not evaluated):%n");
            for (Fault f : faults) {
                String where = f.origin() instanceof Origin.Live l ? l.region() : f.origin().scope();
                w.printf("  %s  %s  %s%n", Printable.of(where), Printable.of(f.operation()),
                        Printable.of(f.message()));
            }
        }
    }

    static String summaryLine(Summary s) {
        String failures = s.failuresByRisk().isEmpty() ? "" : s.failuresByRisk().entrySet().stream()
                .sorted(Map.Entry.<Risk, Integer>comparingByKey().reversed())
                .map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
        return String.format("Summary: %d checks — %d passed, %d failed%s, %d errors, %d unknown%s", s.total(),
                s.count(Status.SUCCESS), s.count(Status.FAILURE), failures, s.count(Status.ERROR),
                s.count(Status.UNKNOWN), s.suppressed() == 0 ? "" : ", " + s.suppressed() + " suppressed");
    }
}
