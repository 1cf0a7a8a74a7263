package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableCopyTagsToSnapshot;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per DB instance outside a DB cluster, read replicas included: it copies its tags to its snapshots. Cluster
 * members' snapshots are the cluster's, tagged as the cluster says (RDS-042).
 */
@RuleInfo(id = "RDS-026", title = "RDS Copy Tags to Snapshots", risk = Risk.LOW,
        categories = Category.COST_OPTIMISATION, compliances = {"AWAF", "NIST4", "NIST5"},
        controls = {"AWAF:COST03-BP02", "NIST4:CM-8", "NIST5:CM-8"},
        service = "RDS", resource = RdsInstance.class, fields = "copyTagsToSnapshot",
        remedy = EnableCopyTagsToSnapshot.class)
public final class RdsCopyTagsToSnapshots implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (RdsInstance instance : inventory.all(RdsInstance.class)) {
            if (instance.isClusterMember()
                    || findings.unresolved(instance, instance.copyTagsToSnapshot(), "Copying tags to snapshots")) {
                continue;
            }
            if (((Value.Known<Boolean>) instance.copyTagsToSnapshot()).value()) {
                findings.pass(instance, "Its snapshots get its tags");
            } else {
                findings.fail(instance, "Its snapshots are taken without its tags",
                        new EnableCopyTagsToSnapshot(instance.name()));
            }
        }
    }
}
