package dev.vigil.cli;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.LiveScanner;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.Kind;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.Journal;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Resource;
import dev.vigil.core.remedy.BackupAssignment;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.report.remedy.Emitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fixes what a scan finds. Without --apply it only plans (read-only calls); with --apply it makes the planned
 * changes, recording each in the audit log before and after, and re-checks the resources it changed. ERROR checks
 * of the scan, and reads the plan needs that fail, cannot be planned: they are shown and make the exit code 2.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Plan (default) or --apply the fixes for failing checks, or --emit them as code.")
final class FixCommand implements Callable<Integer> {

    @Mixin
    RuleSelection rules;

    @Option(names = "--from", paramLabel = "FILE", description = "Fix the failures of a scan saved with --format json.")
    Path from;

    @Option(names = "--apply", description = "Make the changes (default: print the plan only).")
    boolean apply;

    @Option(names = "--yes", description = "Do not ask before applying (required without a terminal).")
    boolean yes;

    @Option(names = "--create-role", description = "Create the AWS Backup default service role if it is missing.")
    boolean createRole;

    @Option(names = "--backup-plan-name", paramLabel = "NAME", defaultValue = BackupPlanDefaults.PLAN_NAME,
            description = "Backup plan to find by name or create (default: ${DEFAULT-VALUE}).")
    String backupPlanName;

    @Option(names = "--audit-log", paramLabel = "FILE", description = "Where changes are recorded, before and after "
            + "each (default: ~/.vigil/audit.jsonl).")
    Path auditLog;

    @Option(names = "--emit", paramLabel = "FORM",
            description = "Print the fixes as code instead: cli, cloudformation or terraform.")
    Emitter emit;

    @Option(names = "--stats", description = "Print API calls, retries and throttles per phase to stderr.")
    boolean stats;

    @Mixin
    AwsOptionsMixin awsOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (apply && !yes && System.console() == null) {
            throw new Vigil.UserException("--apply needs --yes when not run from a terminal");
        }
        Catalog catalog = Catalog.load();
        List<RuleDefinition> selected = rules.select(catalog);
        AwsOptions options = awsOptions.toOptions();
        // refuse before anything else when the changes could not be recorded
        try (AuditLog log = apply ? AuditLog.open(auditLog != null ? auditLog : AuditLog.defaultPath()) : null;
             AwsConnection aws = new AwsConnection(options)) {
            Phases phases = new Phases(aws.stats());
            try {
                return fix(out, log, aws, catalog, selected, phases);
            } finally {
                if (stats) {
                    phases.print(spec.commandLine().getErr());
                }
            }
        }
    }

    private int fix(PrintWriter out, AuditLog log, AwsConnection aws, Catalog catalog, List<RuleDefinition> selected,
                    Phases phases) throws IOException {
        LiveScanner scanner = new LiveScanner(aws);
        List<Check> checks = checks(scanner, catalog, selected);
        List<Check> failing = checks.stream().filter(c -> c.status() == Status.FAILURE).toList();
        List<Check> errors = checks.stream().filter(c -> c.status() == Status.ERROR).toList();
        phases.end(from == null ? "scan" : "read " + from);
        if (emit != null) {
            out.print(emit.render(failing, backupPlanName));
            out.flush();
            return errors.isEmpty() ? Vigil.OK : Vigil.ERRORS;
        }
        String account = scanner.account();
        List<String> otherAccounts = failing.stream().map(c -> ((Origin.Live) c.origin()).account())
                .filter(a -> !a.equals(account)).distinct().toList();
        if (!otherAccounts.isEmpty()) {
            throw new Vigil.UserException("the scan to fix is of account " + String.join(", ", otherAccounts)
                    + " but the credentials are for " + account + "; use --profile for that account");
        }
        LiveFixer fixer = new LiveFixer(aws, account, new FixSettings(backupPlanName, createRole));
        List<Change> plan = fixer.plan(failing, from != null);
        phases.end("plan");
        printPlan(out, account, plan, failing.size(), errors);
        boolean undecided = !errors.isEmpty() || plan.stream().anyMatch(c -> c.state() == State.CANNOT_PLAN);
        long toDo = plan.stream().filter(c -> c.state() == State.TO_DO).count();
        long blocked = plan.stream().filter(c -> c.state() == State.BLOCKED).count();
        int notFixed = undecided ? Vigil.ERRORS : Vigil.FAILURES;
        if (toDo == 0) {
            out.println(failing.isEmpty() ? "Nothing to fix." : "No change to make.");
            return undecided ? Vigil.ERRORS : blocked == 0 ? Vigil.OK : Vigil.FAILURES;
        }
        if (!apply) {
            out.printf("Dry run: nothing was changed. Run again with --apply to make %d change(s).%n", toDo);
            return notFixed;
        }
        if (!yes && !confirm(toDo)) {
            out.println("Nothing was changed.");
            return notFixed;
        }
        List<Applied> applied;
        try {
            applied = fixer.apply(plan, printing(out, log));
        } catch (UncheckedIOException e) {
            out.flush();
            spec.commandLine().getErr().println("vigil: " + e.getMessage());
            return Vigil.ERRORS;
        } finally {
            phases.end("apply");
        }
        boolean allFixed = recheck(out, scanner, account, catalog, failing, applied)
                && applied.stream().allMatch(Applied::ok);
        phases.end("re-check");
        return undecided ? Vigil.ERRORS : allFixed && blocked == 0 ? Vigil.OK : Vigil.FAILURES;
    }

    /** The FAILURE checks with a remedy and the ERROR checks of the selected rules, from a scan or a saved one. */
    private List<Check> checks(LiveScanner scanner, Catalog catalog, List<RuleDefinition> selected)
            throws IOException {
        List<Check> checks = from != null ? SavedScan.checks(from, catalog)
                : scanner.scan(selected, TerminalProgress.forStderr()).checkList();
        List<String> ids = selected.stream().map(r -> r.meta().id()).toList();
        return checks.stream().filter(c -> ids.contains(c.rule().id()))
                .filter(c -> c.status() == Status.ERROR || c.status() == Status.FAILURE && c.remedy() != null)
                .toList();
    }

    /** Records each change in the audit log and prints its outcome. */
    private static Journal printing(PrintWriter out, AuditLog log) {
        return new Journal() {
            @Override
            public void intent(Change change) {
                log.intent(change);
            }

            @Override
            public void outcome(Applied applied) {
                log.outcome(applied);
                printApplied(out, applied);
            }
        };
    }

    private static void printPlan(PrintWriter out, String account, List<Change> plan, int failing, List<Check> errors) {
        out.printf("Fix plan for account %s: %d failing check(s)%n", account, failing);
        Map<String, List<Change>> byRegion = plan.stream()
                .collect(Collectors.groupingBy(Change::region, LinkedHashMap::new, Collectors.toList()));
        byRegion.forEach((region, changes) -> {
            out.printf("%n%s%n", region);
            for (Change c : changes) {
                String marker = switch (c.state()) {
                    case TO_DO -> "+";
                    case IN_PLACE -> "=";
                    case BLOCKED -> "!";
                    case CANNOT_PLAN -> "?";
                };
                String what = switch (c.state()) {
                    case TO_DO -> "now " + c.before() + (c.kind() == Kind.CREATE_BACKUP_SELECTION
                            ? "; assigns " + String.join(", ", c.targets()) : "");
                    case IN_PLACE -> "already in place (" + c.before() + "), reused";
                    case BLOCKED -> "blocked: " + c.blockedBy();
                    case CANNOT_PLAN -> "cannot plan: " + c.blockedBy();
                };
                out.printf("  %s %-33s %s  %s%n", marker, c.action(), c.resource(), what);
                c.reasons().forEach(r -> out.printf("      why: %s%n", r));
            }
        });
        if (!errors.isEmpty()) {
            out.printf("%nCannot plan (the scan could not decide these):%n");
            errors.forEach(e -> out.printf("  ? %-12s %-10s %s  cannot plan: %s%n", e.rule().id(), region(e),
                    e.resourceName(), e.message()));
        }
        out.println();
    }

    private static void printApplied(PrintWriter out, Applied a) {
        out.printf("  %s %s %s %s: %s%n", a.ok() ? "done" : a.attempted() ? "FAILED" : "skipped", a.change().region(),
                a.change().action(), a.change().resource(),
                a.ok() ? a.change().before() + " -> " + a.after() : a.error());
        out.flush();
    }

    private static boolean confirm(long changes) {
        String answer = System.console().readLine("Make %d change(s)? [y/N] ", changes);
        return answer != null && answer.trim().equalsIgnoreCase("y");
    }

    /**
     * Collects again only the resources a change made in this run should have fixed, and what their rules read to
     * judge them, and prints before -> after per failing check. Returns whether every failing check now passes.
     */
    private static boolean recheck(PrintWriter out, LiveScanner scanner, String account, Catalog catalog,
                                   List<Check> failing, List<Applied> applied) {
        List<Check> changed = failing.stream().filter(c -> fixedBy(c, applied)).toList();
        Map<String, Map<Class<? extends Resource>, Set<String>>> names = new TreeMap<>();
        changed.forEach(c -> names.computeIfAbsent(c.origin().region(), r -> new LinkedHashMap<>())
                .computeIfAbsent(c.rule().resource(), k -> new LinkedHashSet<>()).add(c.resourceName()));
        Map<String, Status> now = Map.of();
        if (!changed.isEmpty()) {
            ScanResult after = scanner.recheck(account, names,
                    catalog.select(changed.stream().map(c -> c.rule().id()).distinct().toList()));
            now = after.checkList().stream()
                    .collect(Collectors.toMap(c -> c.rule().id() + "|" + c.resource(), Check::status, (a, b) -> a));
        }
        out.printf("%nRe-check:%n");
        boolean allPass = true;
        for (Check c : failing) {
            Status status = now.get(c.rule().id() + "|" + c.resource());
            allPass &= status == Status.SUCCESS;
            out.printf("  %-12s %-10s %-30s FAILURE -> %s%n", c.rule().id(), region(c), c.resourceName(),
                    !changed.contains(c) ? "not re-checked (not changed)" : status == null ? "not found" : status);
        }
        return allPass;
    }

    /** Whether a change made in this run is the remedy of this check. */
    private static boolean fixedBy(Check check, List<Applied> applied) {
        String region = check.origin().region();
        return applied.stream().filter(a -> a.ok() && a.change().region().equals(region)).anyMatch(a ->
                switch (check.remedy()) {
                    case EnablePointInTimeRecovery pitr -> a.change().kind() == Kind.ENABLE_PITR
                            && a.change().resource().equals(pitr.tableName());
                    case BackupAssignment backup -> a.change().kind() == Kind.CREATE_BACKUP_SELECTION
                            && a.change().targets().contains(backup.resourceArn());
                    case null -> false;
                    default -> a.change().kind() == Kind.SET_PROPERTY && check.remedy().equals(a.change().remedy());
                });
    }

    private static String region(Check c) {
        return c.origin() instanceof Origin.Live l ? l.region() : "";
    }

    /** API calls per phase of the fix, for --stats. */
    private static final class Phases {
        private final CallStats stats;
        private final Map<String, Map<String, CallStats.Count>> byPhase = new LinkedHashMap<>();
        private Map<String, CallStats.Count> before = Map.of();

        Phases(CallStats stats) {
            this.stats = stats;
        }

        void end(String phase) {
            Map<String, CallStats.Count> now = stats.snapshot();
            byPhase.put(phase, CallStats.difference(now, before));
            before = now;
        }

        void print(PrintWriter err) {
            byPhase.forEach((phase, counts) -> ScanCommand.printStats(phase, counts, err));
        }
    }
}
