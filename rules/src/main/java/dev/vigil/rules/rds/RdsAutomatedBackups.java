package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableAutomatedBackups;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per DB instance that keeps its own automated backups: a backup retention above 0 days. Members of a DB
 * cluster (Aurora, Multi-AZ DB clusters) are backed up by their cluster, and read replicas copy their source, so
 * neither is judged here (see the article).
 */
@RuleInfo(id = "RDS-002", title = "RDS Automated Backups Enabled", risk = Risk.HIGH,
        categories = {Category.RELIABILITY, Category.SUSTAINABILITY},
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP03", "HIPAA:164.308(a)(7)(ii)(A)", "ISO27001:A.12.3.1", "NIST4:CP-9", "NIST5:CP-9",
                "NIST5:CP-10", "SOC2:A1.2"},
        service = "RDS", resource = RdsInstance.class, fields = "backupRetentionDays",
        remedy = EnableAutomatedBackups.class)
public final class RdsAutomatedBackups implements Rule {

    /** The retention the fix proposes: RDS-003's default minimum. */
    static final long PROPOSED_DAYS = 7;

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (RdsInstance instance : keepsOwnBackups(inventory)) {
            if (findings.unresolved(instance, instance.backupRetentionDays(), "Its backup retention")) {
                continue;
            }
            long days = ((Value.Known<Long>) instance.backupRetentionDays()).value();
            if (days > 0) {
                findings.pass(instance, "Automated backups are on, kept " + days + " day(s)");
            } else {
                findings.fail(instance, "Automated backups are off (backup retention 0 days): the instance cannot be "
                        + "restored to a point in time", new EnableAutomatedBackups(instance.name(),
                        Long.toString(PROPOSED_DAYS)));
            }
        }
    }

    /** The instances whose automated backups are their own: neither cluster members nor read replicas. */
    static java.util.List<RdsInstance> keepsOwnBackups(Inventory inventory) {
        return inventory.all(RdsInstance.class).stream()
                .filter(i -> !i.isClusterMember() && i.replicaSource() == null).toList();
    }
}
