package dev.vigil.cli;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.LiveScanner;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.report.remedy.Emitter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fixes what a scan finds. Without --apply it only plans (read-only calls); with --apply it makes the
 * planned changes, logs each to the audit log, and re-checks the affected resources.
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

    @Option(names = "--audit-log", paramLabel = "FILE", description = "Where applied changes are logged "
            + "(default: ~/.vigil/audit.jsonl).")
    Path auditLog;

    @Option(names = "--emit", paramLabel = "FORM",
            description = "Print the fixes as code instead: cli, cloudformation or terraform.")
    Emitter emit;

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
        try (AwsConnection aws = new AwsConnection(options)) {
            LiveScanner scanner = new LiveScanner(aws);
            List<Check> failing = failing(scanner, catalog, selected);
            if (emit != null) {
                out.print(emit.render(failing, backupPlanName));
                out.flush();
                return Vigil.OK;
            }
            String account = scanner.account();
            List<String> otherAccounts = failing.stream().map(c -> ((Origin.Live) c.origin()).account())
                    .filter(a -> !a.equals(account)).distinct().toList();
            if (!otherAccounts.isEmpty()) {
                throw new Vigil.UserException("the scan to fix is of account " + String.join(", ", otherAccounts)
                        + " but the credentials are for " + account + "; use --profile for that account");
            }
            LiveFixer fixer = new LiveFixer(aws, account, new FixSettings(backupPlanName, createRole));
            List<Change> plan = fixer.plan(failing);
            printPlan(out, account, plan, failing.size());
            long toDo = plan.stream().filter(c -> c.state() == State.TO_DO).count();
            long blocked = plan.stream().filter(c -> c.state() == State.BLOCKED).count();
            if (toDo == 0) {
                out.println(failing.isEmpty() ? "Nothing to fix." : "No change to make.");
                return blocked == 0 ? Vigil.OK : Vigil.FAILURES;
            }
            if (!apply) {
                out.printf("Dry run: nothing was changed. Run again with --apply to make %d change(s).%n", toDo);
                return Vigil.FAILURES;
            }
            if (!yes && !confirm(toDo)) {
                out.println("Nothing was changed.");
                return Vigil.FAILURES;
            }
            AuditLog log = new AuditLog(auditLog != null ? auditLog : AuditLog.defaultPath());
            List<Applied> applied = fixer.apply(plan, result -> {
                log.append(result);
                printApplied(out, result);
            });
            boolean allFixed = recheck(out, options, catalog, failing) && applied.stream().allMatch(Applied::ok);
            return allFixed && blocked == 0 ? Vigil.OK : Vigil.FAILURES;
        }
    }

    private List<Check> failing(LiveScanner scanner, Catalog catalog, List<RuleDefinition> selected)
            throws Exception {
        List<Check> checks = from != null ? SavedScan.failures(from, catalog)
                : scanner.scan(selected, TerminalProgress.forStderr()).checkList();
        List<String> ids = selected.stream().map(r -> r.meta().id()).toList();
        return checks.stream().filter(c -> c.status() == Status.FAILURE && c.remedy() != null)
                .filter(c -> ids.contains(c.rule().id())).toList();
    }

    private static void printPlan(PrintWriter out, String account, List<Change> plan, int failing) {
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
                };
                String what = switch (c.state()) {
                    case TO_DO -> "now " + c.before() + (c.kind() == Change.Kind.CREATE_BACKUP_SELECTION
                            ? "; assigns " + String.join(", ", c.targets()) : "");
                    case IN_PLACE -> "already in place (" + c.before() + "), reused";
                    case BLOCKED -> "blocked: " + c.blockedBy();
                };
                out.printf("  %s %-33s %s  %s%n", marker, c.action(), c.resource(), what);
                c.reasons().forEach(r -> out.printf("      why: %s%n", r));
            }
        });
        out.println();
    }

    private static void printApplied(PrintWriter out, Applied a) {
        out.printf("  %s %s %s %s: %s%n", a.ok() ? "done" : "FAILED", a.change().region(), a.change().action(),
                a.change().resource(), a.ok() ? a.change().before() + " -> " + a.after() : a.error());
        out.flush();
    }

    private static boolean confirm(long changes) {
        String answer = System.console().readLine("Make %d change(s)? [y/N] ", changes);
        return answer != null && answer.trim().equalsIgnoreCase("y");
    }

    /** Scans the affected regions again with the affected rules and prints before -> after per resource. */
    private static boolean recheck(PrintWriter out, AwsOptions options, Catalog catalog, List<Check> failing) {
        List<String> regions = failing.stream().map(c -> c.origin().region()).distinct().sorted().toList();
        List<RuleDefinition> rules = catalog.select(failing.stream().map(c -> c.rule().id()).distinct().toList());
        ScanResult after;
        try (AwsConnection aws = new AwsConnection(options.withRegions(regions))) {
            after = new LiveScanner(aws).scan(rules, (r, d, t, n) -> { });
        }
        Map<String, Status> now = after.checkList().stream()
                .collect(Collectors.toMap(c -> c.rule().id() + "|" + c.resource(), Check::status, (a, b) -> a));
        out.printf("%nRe-check:%n");
        boolean allPass = true;
        for (Check c : failing) {
            Status status = now.get(c.rule().id() + "|" + c.resource());
            allPass &= status == Status.SUCCESS;
            out.printf("  %-12s %-10s %-30s FAILURE -> %s%n", c.rule().id(), region(c), c.resourceName(),
                    status == null ? "not found" : status);
        }
        return allPass;
    }

    private static String region(Check c) {
        return c.origin() instanceof Origin.Live l ? l.region() : "";
    }
}
