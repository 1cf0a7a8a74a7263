package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableClusterCopyTagsToSnapshot;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/** One check per Aurora or Multi-AZ DB cluster; DocumentDB and Neptune clusters are left to their own rules. */
@RuleInfo(id = "RDS-042", title = "Enable Aurora Cluster Copy Tags to Snapshots", risk = Risk.HIGH,
        categories = Category.OPERATIONAL_EXCELLENCE, compliances = {"AWAF", "NIST5"},
        controls = {"AWAF:COST03-BP02", "NIST5:CM-8"},
        service = "RDS", resource = RdsCluster.class, remedy = EnableClusterCopyTagsToSnapshot.class)
public final class AuroraCopyTagsToSnapshot implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (RdsCluster cluster : inventory.all(RdsCluster.class)) {
            if (cluster.isDocumentDbOrNeptune()
                    || findings.unresolved(cluster, cluster.copyTagsToSnapshot(), "Copy tags to snapshots")) {
                continue;
            }
            if (((Value.Known<Boolean>) cluster.copyTagsToSnapshot()).value()) {
                findings.pass(cluster, "Snapshots of this cluster get its tags");
            } else {
                findings.fail(cluster, "Copy tags to snapshots is off: snapshots of this cluster carry none of its tags",
                        new EnableClusterCopyTagsToSnapshot(cluster.name()));
            }
        }
    }
}
