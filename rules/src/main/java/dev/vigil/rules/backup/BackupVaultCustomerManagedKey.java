package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EncryptVaultWithCustomerManagedKey;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per backup vault: the key that encrypts its recovery points must be customer managed. Conformity's
 * knowledge base has this rule without an ID, hence the Vigil- prefix.
 */
@RuleInfo(id = "Vigil-Backup-001", title = "Use KMS Customer Master Keys for AWS Backup", risk = Risk.HIGH,
        categories = Category.SECURITY, compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5"},
        controls = {"AWAF:REL09-BP02", "AWAF:SEC08-BP01", "HIPAA:164.312(a)(2)(iv)", "ISO27001:A.10.1.2",
                "NIST4:SC-12", "NIST5:CP-9(8)", "NIST5:SC-12"},
        service = "Backup", resource = BackupVault.class, fields = "encryptionKey",
        remedy = EncryptVaultWithCustomerManagedKey.class)
public final class BackupVaultCustomerManagedKey implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (BackupVault vault : inventory.all(BackupVault.class)) {
            if (findings.unresolved(vault, vault.encryptionKey(), "The vault's encryption key")) {
                continue;
            }
            EncryptionKey key = ((Value.Known<EncryptionKey>) vault.encryptionKey()).value();
            if (key.manager() == EncryptionKey.Manager.CUSTOMER_MANAGED) {
                findings.pass(vault, "Recovery points are encrypted with " + key.describe());
            } else {
                findings.fail(vault, "Recovery points are encrypted with " + key.describe()
                        + ", which the account cannot control", new EncryptVaultWithCustomerManagedKey(vault.name()));
            }
        }
    }
}
