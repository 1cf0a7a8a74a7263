package dev.vigil.rules.ebs;

import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.MakeSnapshotPrivate;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per EBS snapshot the account owns: no createVolumePermission for the group {@code all}. Snapshots are
 * created private, and no template resource makes one public, so template snapshots pass.
 */
@RuleInfo(id = "EBS-009", title = "EBS Public Snapshots", risk = Risk.HIGH, categories = Category.SECURITY,
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "PCI", "SOC2"},
        controls = {"AWAF:SEC08-BP04", "AWAF:REL09-BP02", "HIPAA:164.312(a)(1)", "ISO27001:A.9.4.1", "NIST4:AC-3",
                "NIST4:AC-21", "NIST5:AC-3", "NIST5:AC-6", "NIST5:AC-21", "PCI:7.2.1", "SOC2:CC6.1"},
        service = "EBS", resource = EbsSnapshot.class, remedy = MakeSnapshotPrivate.class)
public final class EbsPublicSnapshots implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (EbsSnapshot snapshot : inventory.all(EbsSnapshot.class)) {
            if (findings.unresolved(snapshot, snapshot.publiclyRestorable(), "Whether it is public")) {
                continue;
            }
            if (((Value.Known<Boolean>) snapshot.publiclyRestorable()).value()) {
                findings.fail(snapshot, "Any AWS account can create a volume from this snapshot "
                        + "(createVolumePermission includes the group all)", new MakeSnapshotPrivate(snapshot.name()));
            } else {
                findings.pass(snapshot, "The snapshot is not shared publicly");
            }
        }
    }
}
