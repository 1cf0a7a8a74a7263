package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupPlan;
import dev.vigil.core.model.BackupPlan.BackupRule;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.SetBackupPlanLifecycle;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * One check per backup plan: every rule must set when recovery points move to cold storage and when they are deleted;
 * where a setting names a number of days, the rule must set exactly that (Conformity compares plans with the
 * lifecycle its rule settings describe). Conformity's knowledge base has this rule without an ID, hence the Vigil-
 * prefix; it has no defaults either, so 0 here means any number of days, as long as the rule sets one.
 */
@RuleInfo(id = "Vigil-Backup-002", title = "Backup Plan Lifecycle Configuration", risk = Risk.MEDIUM,
        categories = {Category.SECURITY, Category.COST_OPTIMISATION},
        compliances = {"AWAF", "ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:COST04-BP05", "ISO27001:A.12.3.1", "NIST4:SI-12", "NIST5:SI-12", "SOC2:A1.2"},
        service = "Backup", resource = BackupPlan.class, remedy = SetBackupPlanLifecycle.class,
        settings = {
                @RuleSetting(name = BackupPlanLifecycle.COLD, label = "Days until recovery points move to cold storage"
                        + " (0: any, as long as it is set)", type = Setting.Type.INTEGER, value = "0", min = 0,
                        max = 36_500),
                @RuleSetting(name = BackupPlanLifecycle.DELETE, label = "Days until recovery points are deleted"
                        + " (0: any, as long as it is set)", type = Setting.Type.INTEGER, value = "0", min = 0,
                        max = 36_500)})
public final class BackupPlanLifecycle implements Rule {

    static final String COLD = "moveToColdStorageAfterDays";
    static final String DELETE = "deleteAfterDays";

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        long cold = findings.integer(COLD);
        long delete = findings.integer(DELETE);
        for (BackupPlan plan : inventory.all(BackupPlan.class)) {
            if (findings.unresolved(plan, plan.rules(), "The plan's rules")) {
                continue;
            }
            Problems problems = new Problems(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (BackupRule rule : ((Value.Known<List<BackupRule>>) plan.rules()).value()) {
                judge(rule, "MoveToColdStorageAfterDays", rule.moveToColdStorageAfterDays(), cold, problems);
                judge(rule, "DeleteAfterDays", rule.deleteAfterDays(), delete, problems);
            }
            if (!problems.wrong().isEmpty()) {
                String planId = plan.arn().substring(plan.arn().lastIndexOf(':') + 1);
                findings.fail(plan, String.join("; ", problems.wrong()), new SetBackupPlanLifecycle(planId,
                        plan.name(), days(cold, "COLD_STORAGE_AFTER_DAYS"), days(delete, "DELETE_AFTER_DAYS")));
            } else if (!problems.unread().isEmpty()) {
                findings.error(plan, String.join("; ", problems.unread()));
            } else if (!problems.unknown().isEmpty()) {
                findings.unknown(plan, String.join("; ", problems.unknown()));
            } else {
                findings.pass(plan, ((Value.Known<List<BackupRule>>) plan.rules()).value().isEmpty()
                        ? "The plan has no rule" : "Every rule of the plan sets when recovery points move to cold "
                        + "storage and when they are deleted");
            }
        }
    }

    /** What is wrong with a plan's rules, what could not be read (live) and what templates leave open. */
    private record Problems(List<String> wrong, List<String> unread, List<String> unknown) {}

    private static void judge(BackupRule rule, String what, Value<Long> days, long wanted, Problems problems) {
        switch (days) {
            case Value.Known<Long> k when k.value() == BackupRule.NEVER -> problems.wrong().add("rule " + rule.name()
                    + " sets no " + what);
            case Value.Known<Long> k when wanted > 0 && k.value() != wanted -> problems.wrong().add("rule "
                    + rule.name() + " sets " + what + " " + k.value() + ", not " + wanted);
            case Value.Known<Long> k -> { }
            case Value.Unknown<Long> u -> problems.unknown().add("rule " + rule.name() + " " + what
                    + " cannot be resolved: " + u.expression());
            case Value.Failed<Long> f -> problems.unread().add("rule " + rule.name() + " " + what
                    + " could not be read: " + f.cause());
        }
    }

    private static String days(long setting, String placeholder) {
        return setting > 0 ? Long.toString(setting) : placeholder;
    }
}
