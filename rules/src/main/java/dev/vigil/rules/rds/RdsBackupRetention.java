package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableAutomatedBackups;
import dev.vigil.core.remedy.RaiseBackupRetention;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import java.util.Map;

/**
 * One check per DB instance that keeps its own automated backups (as RDS-002 chooses them): they are kept at least
 * {@code minimumRetentionPeriod} days. The fix raises the retention without an outage; an instance whose backups are
 * off gets RDS-002's fix instead, which does cause one.
 */
@RuleInfo(id = "RDS-003", title = "RDS Sufficient Backup Retention Period", risk = Risk.MEDIUM,
        categories = Category.RELIABILITY, compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP03", "HIPAA:164.308(a)(7)(ii)(A)", "ISO27001:A.12.3.1", "NIST4:CP-9", "NIST4:SI-12",
                "NIST5:CP-9", "NIST5:SI-12", "SOC2:A1.2"},
        service = "RDS", resource = RdsInstance.class, fields = "backupRetentionDays",
        remedy = RaiseBackupRetention.class,
        settings = @RuleSetting(name = RdsBackupRetention.MINIMUM, label = "Minimum retention period (days)",
                type = Setting.Type.INTEGER, value = "7", min = 1, max = 35))
public final class RdsBackupRetention implements Rule {

    static final String MINIMUM = "minimumRetentionPeriod";

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        long minimum = findings.integer(MINIMUM);
        for (RdsInstance instance : RdsAutomatedBackups.keepsOwnBackups(inventory)) {
            if (findings.unresolved(instance, instance.backupRetentionDays(), "Its backup retention")) {
                continue;
            }
            long days = ((Value.Known<Long>) instance.backupRetentionDays()).value();
            Map<String, Object> facts = Map.of("backupRetentionDays", days);
            if (days >= minimum) {
                findings.pass(instance, "Automated backups are kept " + days + " day(s), at least the "
                        + minimum + " required", facts);
            } else if (days == 0) {
                findings.fail(instance, "Automated backups are off; at least " + minimum + " day(s) are required",
                        new EnableAutomatedBackups(instance.name(), Long.toString(minimum)));
            } else {
                findings.fail(instance, "Automated backups are kept " + days + " day(s), fewer than the " + minimum
                        + " required", new RaiseBackupRetention(instance.name(), Long.toString(minimum)));
            }
        }
    }
}
