package dev.vigil.iac.mapping;

import dev.vigil.core.model.BackupPlan;
import dev.vigil.core.model.BackupPlan.BackupRule;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Backup plans: {@code AWS::Backup::BackupPlan} and {@code aws_backup_plan}. Name = {@code BackupPlan.BackupPlanName} /
 * {@code name}, else the logical ID or address; one rule per {@code BackupPlanRule} element / {@code rule} block. A rule
 * whose lifecycle leaves a number of days out keeps recovery points indefinitely, or never moves them to cold storage,
 * as AWS Backup does: {@link BackupRule#NEVER}.
 */
final class BackupPlanMapping {

    static final Field NAME = new Field("BackupPlan.BackupPlanName", "name");
    static final Field RULES = new Field("BackupPlan.BackupPlanRule", "rule");
    static final Field RULE_NAME = new Field("RuleName", "rule_name");
    static final Field COLD = new Field("Lifecycle.MoveToColdStorageAfterDays", "lifecycle.cold_storage_after");
    static final Field DELETE = new Field("Lifecycle.DeleteAfterDays", "lifecycle.delete_after");

    static final KindMapping MAPPING = new KindMapping(BackupPlan.class, List.of("AWS::Backup::BackupPlan"),
            List.of("aws_backup_plan"), BackupPlanMapping::map);

    private BackupPlanMapping() {
    }

    private static List<BackupPlan> map(Declaration d) {
        String planName = d.decided(NAME);
        String name = planName == null || planName.isBlank() ? d.id() : planName;
        return List.of(new BackupPlan(d.origin(), d.id(), name, d.arn("backup", "backup-plan:" + name),
                d.elements(RULES).map(BackupPlanMapping::rules)));
    }

    private static List<BackupRule> rules(List<Declaration> declared) {
        List<BackupRule> rules = new ArrayList<>();
        for (Declaration rule : declared) {
            String ruleName = rule.decided(RULE_NAME);
            rules.add(new BackupRule(ruleName == null ? "#" + (rules.size() + 1) : ruleName,
                    rule.integer(DELETE, BackupRule.NEVER), rule.integer(COLD, BackupRule.NEVER)));
        }
        return rules;
    }
}
