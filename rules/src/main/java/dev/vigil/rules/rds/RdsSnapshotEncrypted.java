package dev.vigil.rules.rds;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.CopyDbSnapshotEncrypted;
import dev.vigil.core.remedy.EncryptDbClusterSnapshot;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per manual DB snapshot and DB cluster snapshot the account owns, or that a Terraform configuration
 * declares: its data is encrypted. Automated snapshots are encrypted exactly when their instance or cluster is, which
 * no copy changes, so they are left to the instance's and cluster's own encryption.
 */
@RuleInfo(id = "RDS-040", title = "Enable RDS Snapshot Encryption", risk = Risk.MEDIUM,
        categories = Category.SECURITY, compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "PCI", "SOC2"},
        controls = {"AWAF:SEC08-BP02", "AWAF:REL09-BP02", "HIPAA:164.312(a)(2)(iv)", "ISO27001:A.10.1.1",
                "NIST4:SC-28", "NIST5:SC-13", "NIST5:SC-28", "NIST5:SC-28(1)", "PCI:3.4", "SOC2:CC6.1"},
        service = "RDS", resource = RdsManualSnapshot.class, fields = "encrypted",
        remedy = CopyDbSnapshotEncrypted.class)
public final class RdsSnapshotEncrypted implements Rule {

    /** Suffix of the encrypted copy's name. */
    static final String COPY_SUFFIX = "-encrypted";
    /** DB cluster identifiers are at most 63 characters, and the encrypted cluster snapshot is taken of one. */
    private static final int MAX_CLUSTER_ID = 63;

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (RdsManualSnapshot snapshot : inventory.all(RdsManualSnapshot.class)) {
            if (findings.unresolved(snapshot, snapshot.encrypted(), "Its encryption")) {
                continue;
            }
            if (((Value.Known<Boolean>) snapshot.encrypted()).value()) {
                findings.pass(snapshot, "The snapshot is encrypted");
            } else {
                findings.fail(snapshot, "The snapshot is not encrypted", remedy(snapshot));
            }
        }
    }

    private static Remedy remedy(RdsManualSnapshot snapshot) {
        if (!snapshot.cluster()) {
            return new CopyDbSnapshotEncrypted(snapshot.name(), snapshot.name() + COPY_SUFFIX);
        }
        String base = snapshot.name().length() + COPY_SUFFIX.length() <= MAX_CLUSTER_ID ? snapshot.name()
                : snapshot.name().substring(0, MAX_CLUSTER_ID - COPY_SUFFIX.length()).replaceAll("-+$", "");
        return new EncryptDbClusterSnapshot(snapshot.name(), snapshot.engine() == null ? "ENGINE" : snapshot.engine(),
                base + COPY_SUFFIX);
    }
}
