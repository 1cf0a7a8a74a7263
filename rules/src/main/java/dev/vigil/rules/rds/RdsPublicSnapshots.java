package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.MakeDbClusterSnapshotPrivate;
import dev.vigil.core.remedy.MakeDbSnapshotPrivate;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per manual DB snapshot and DB cluster snapshot the account owns, or that a Terraform configuration
 * declares: its {@code restore} attribute does not list {@code all}. Only manual snapshots can be shared, so only they
 * are read.
 */
@RuleInfo(id = "RDS-023", title = "RDS Public Snapshots", risk = Risk.HIGH, categories = Category.SECURITY,
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "PCI", "SOC2"},
        controls = {"AWAF:SEC08-BP04", "AWAF:REL09-BP02", "HIPAA:164.312(a)(1)", "ISO27001:A.9.4.1", "NIST4:AC-3",
                "NIST4:AC-21", "NIST5:AC-3", "NIST5:AC-6", "NIST5:AC-21", "PCI:7.2.1", "SOC2:CC6.1"},
        service = "RDS", resource = RdsManualSnapshot.class, fields = "publiclyRestorable",
        remedy = MakeDbSnapshotPrivate.class)
public final class RdsPublicSnapshots implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (RdsManualSnapshot snapshot : inventory.all(RdsManualSnapshot.class)) {
            if (findings.unresolved(snapshot, snapshot.publiclyRestorable(), "Whether it is public")) {
                continue;
            }
            if (((Value.Known<Boolean>) snapshot.publiclyRestorable()).value()) {
                Remedy remedy = snapshot.cluster() ? new MakeDbClusterSnapshotPrivate(snapshot.name())
                        : new MakeDbSnapshotPrivate(snapshot.name());
                findings.fail(snapshot, "Any AWS account can copy or restore this snapshot (its restore attribute "
                        + "includes all)", remedy);
            } else {
                findings.pass(snapshot, "The snapshot is not shared publicly");
            }
        }
    }
}
