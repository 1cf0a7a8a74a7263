package dev.vigil.rules.backup;

import dev.vigil.core.model.AccessPolicy;
import dev.vigil.core.model.AccessPolicy.Statement;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.DenyRecoveryPointDeletion;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One check per backup vault: its access policy must deny every principal, on every recovery point, the three actions
 * that can destroy a backup before its time (as AWS Backup's own example policy and AWS Config's
 * backup-recovery-point-manual-deletion-disabled do). A vault without a policy fails.
 */
@RuleInfo(id = "Backup-002", title = "Backup Vault Access Policy", risk = Risk.HIGH,
        categories = Category.SECURITY, compliances = {"AWAF", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP02", "NIST4:CP-9", "NIST5:AC-3", "NIST5:CP-9", "SOC2:A1.2"},
        service = "Backup", resource = BackupVault.class, fields = "accessPolicy",
        remedy = DenyRecoveryPointDeletion.class)
public final class BackupVaultAccessPolicy implements Rule {

    /** Deleting a recovery point, shortening its retention, and replacing the policy that forbids both. */
    static final List<String> DENIED = List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle",
            "backup:PutBackupVaultAccessPolicy");

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (BackupVault vault : inventory.all(BackupVault.class)) {
            if (findings.unresolved(vault, vault.accessPolicy(), "The vault's access policy")) {
                continue;
            }
            AccessPolicy policy = ((Value.Known<AccessPolicy>) vault.accessPolicy()).value();
            if (!policy.attached()) {
                findings.fail(vault, "The vault has no access policy: whoever IAM lets delete recovery points can "
                        + "delete its backups", new DenyRecoveryPointDeletion(vault.name()));
                continue;
            }
            List<String> allowed = new ArrayList<>();
            Set<String> conditions = new LinkedHashSet<>();
            for (String action : DENIED) {
                List<Statement> denying = policy.statements().stream()
                        .filter(s -> s.effect() == AccessPolicy.Effect.DENY && s.everyone() && s.everyResource()
                                && s.names(action))
                        .toList();
                if (denying.isEmpty()) {
                    allowed.add(action);
                } else if (denying.stream().allMatch(s -> !s.conditionKeys().isEmpty())) {
                    denying.forEach(s -> conditions.addAll(s.conditionKeys()));
                }
            }
            if (allowed.isEmpty()) {
                findings.pass(vault, "The access policy denies " + String.join(", ", DENIED) + " to everyone"
                        + (conditions.isEmpty() ? "" : ", where its conditions on " + String.join(", ", conditions)
                        + " hold"));
            } else {
                findings.fail(vault, "The access policy does not deny " + String.join(", ", allowed)
                                + " to every principal on every recovery point",
                        new DenyRecoveryPointDeletion(vault.name()));
            }
        }
    }
}
