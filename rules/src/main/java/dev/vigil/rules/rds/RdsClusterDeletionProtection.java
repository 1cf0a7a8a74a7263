package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableClusterDeletionProtection;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/** One check per Aurora or Multi-AZ DB cluster; DocumentDB and Neptune clusters have rules of their own. */
@RuleInfo(id = "RDS-035", title = "Cluster Deletion Protection", risk = Risk.MEDIUM,
        categories = Category.SECURITY, compliances = "NIST5",
        controls = {"NIST5:CM-3", "NIST5:SC-5(2)"},
        service = "RDS", resource = RdsCluster.class, remedy = EnableClusterDeletionProtection.class)
public final class RdsClusterDeletionProtection implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (RdsCluster cluster : inventory.all(RdsCluster.class)) {
            if (cluster.isDocumentDbOrNeptune()
                    || findings.unresolved(cluster, cluster.deletionProtection(), "Deletion protection")) {
                continue;
            }
            if (((Value.Known<Boolean>) cluster.deletionProtection()).value()) {
                findings.pass(cluster, "Deletion protection is enabled");
            } else {
                findings.fail(cluster, "Deletion protection is not enabled: the cluster can be deleted by one call",
                        new EnableClusterDeletionProtection(cluster.name()));
            }
        }
    }
}
