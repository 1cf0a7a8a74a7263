package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableInstanceDeletionProtection;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per DB instance outside a DB cluster, read replicas included: deletion protection is on. A cluster
 * member's flag has no effect (RDS deletes members of a protected cluster); its data is protected by the cluster's
 * flag, judged by RDS-035.
 */
@RuleInfo(id = "RDS-031", title = "Instance Deletion Protection", risk = Risk.MEDIUM, categories = Category.SECURITY,
        compliances = {"ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"ISO27001:A.12.1.2", "NIST4:CM-3", "NIST5:CM-3", "SOC2:CC8.1"},
        service = "RDS", resource = RdsInstance.class, fields = "deletionProtection",
        remedy = EnableInstanceDeletionProtection.class)
public final class RdsInstanceDeletionProtection implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (RdsInstance instance : inventory.all(RdsInstance.class)) {
            if (instance.isClusterMember()
                    || findings.unresolved(instance, instance.deletionProtection(), "Deletion protection")) {
                continue;
            }
            if (((Value.Known<Boolean>) instance.deletionProtection()).value()) {
                findings.pass(instance, "Deletion protection is enabled");
            } else {
                findings.fail(instance, "Deletion protection is not enabled: the instance can be deleted by one call",
                        new EnableInstanceDeletionProtection(instance.name()));
            }
        }
    }
}
