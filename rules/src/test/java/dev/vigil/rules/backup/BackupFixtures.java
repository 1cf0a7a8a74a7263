package dev.vigil.rules.backup;

import static dev.vigil.rules.Fixtures.ACCOUNT;
import static dev.vigil.rules.Fixtures.live;

import dev.vigil.core.model.AccessPolicy;
import dev.vigil.core.model.BackupPlan;
import dev.vigil.core.model.BackupPlan.BackupRule;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Map;

/** Hand-built live vaults and plans for the AWS Backup rules' tests. */
final class BackupFixtures {

    static final String REGION = "us-east-1";
    static final String CMK = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/0f3c5a9e-1111-2222-3333-444455556666";

    private BackupFixtures() {
    }

    static String vaultArn(String name) {
        return "arn:aws:backup:" + REGION + ":" + ACCOUNT + ":backup-vault:" + name;
    }

    static String planArn(String id) {
        return "arn:aws:backup:" + REGION + ":" + ACCOUNT + ":backup-plan:" + id;
    }

    static BackupVault vault(String name, Value<EncryptionKey> key, Value<AccessPolicy> policy) {
        return new BackupVault(live(REGION), vaultArn(name), name, vaultArn(name), key, policy);
    }

    static BackupVault vaultWithPolicy(String name, Value<AccessPolicy> policy) {
        return vault(name, Value.failed("not read by this scan"), policy);
    }

    static BackupVault vaultWithKey(String name, Value<EncryptionKey> key) {
        return vault(name, key, Value.failed("not read by this scan"));
    }

    /** A policy read from its JSON form, as plain values. */
    static Value<AccessPolicy> policy(Map<String, Object> document) {
        return AccessPolicy.read(document);
    }

    static Map<String, Object> deny(Object principal, List<String> actions, Object resource) {
        return Map.of("Effect", "Deny", "Principal", principal, "Action", actions, "Resource", resource);
    }

    static BackupPlan plan(String id, String name, BackupRule... rules) {
        return new BackupPlan(live(REGION), planArn(id), name, planArn(id), Value.known(List.of(rules)));
    }

    static BackupRule rule(String name, long cold, long delete) {
        return new BackupRule(name, Value.known(delete), Value.known(cold));
    }
}
