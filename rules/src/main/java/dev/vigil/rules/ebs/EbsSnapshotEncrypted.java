package dev.vigil.rules.ebs;

import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.CopySnapshotEncrypted;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/** One check per EBS snapshot the account owns, or that a Terraform configuration declares: its data is encrypted. */
@RuleInfo(id = "EBS-011", title = "EBS Snapshot Encrypted", risk = Risk.MEDIUM, categories = Category.SECURITY,
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "PCI", "SOC2"},
        controls = {"AWAF:SEC08-BP02", "AWAF:REL09-BP02", "HIPAA:164.312(a)(2)(iv)", "ISO27001:A.10.1.1",
                "NIST4:SC-28", "NIST5:SC-13", "NIST5:SC-28", "NIST5:SC-28(1)", "PCI:3.4", "SOC2:CC6.1"},
        service = "EBS", resource = EbsSnapshot.class, remedy = CopySnapshotEncrypted.class)
public final class EbsSnapshotEncrypted implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (EbsSnapshot snapshot : inventory.all(EbsSnapshot.class)) {
            if (findings.unresolved(snapshot, snapshot.encrypted(), "Its encryption")) {
                continue;
            }
            if (((Value.Known<Boolean>) snapshot.encrypted()).value()) {
                findings.pass(snapshot, "The snapshot is encrypted");
            } else {
                findings.fail(snapshot, "The snapshot is not encrypted", new CopySnapshotEncrypted(snapshot.name()));
            }
        }
    }
}
