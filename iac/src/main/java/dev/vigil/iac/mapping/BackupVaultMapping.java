package dev.vigil.iac.mapping;

import dev.vigil.core.model.AccessPolicy;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Backup vaults: {@code AWS::Backup::BackupVault} and {@code aws_backup_vault}. Name = {@code BackupVaultName} /
 * {@code name}, else the logical ID or address. A vault that names no key is encrypted with the AWS managed key
 * {@code aws/backup}, as AWS Backup does. CloudFormation declares the access policy on the vault ({@code AccessPolicy});
 * Terraform in an {@code aws_backup_vault_policy} that names the vault in {@code backup_vault_name}.
 */
final class BackupVaultMapping {

    static final Field NAME = new Field("BackupVaultName", "name");
    static final Field KEY = new Field("EncryptionKeyArn", "kms_key_arn");
    static final Field POLICY = new Field("AccessPolicy", null);
    static final String POLICY_RESOURCE = "aws_backup_vault_policy";
    static final Field POLICY_VAULT = new Field(null, "backup_vault_name");
    static final Field POLICY_DOCUMENT = new Field(null, "policy");
    /** The vault attributes that give its name, as {@code backup_vault_name} arguments refer to them. */
    private static final Set<String> NAME_ATTRIBUTES = Set.of("id", "name");
    private static final EncryptionKey DEFAULT_KEY = new EncryptionKey(EncryptionKey.Manager.AWS_MANAGED,
            "alias/aws/backup");

    private static final String CLOUDFORMATION_TYPE = "AWS::Backup::BackupVault";

    static final KindMapping MAPPING = new KindMapping(BackupVault.class, List.of(CLOUDFORMATION_TYPE),
            List.of("aws_backup_vault"), BackupVaultMapping::map);

    private BackupVaultMapping() {
    }

    private static List<BackupVault> map(Declaration d) {
        String vaultName = d.decided(NAME);
        String name = vaultName == null || vaultName.isBlank() ? d.id() : vaultName;
        return List.of(new BackupVault(d.origin(), d.id(), name, d.arn("backup", "backup-vault:" + name),
                KmsKeys.of(d, KEY, DEFAULT_KEY), policy(d)));
    }

    private static Value<AccessPolicy> policy(Declaration d) {
        if (d.type().equals(CLOUDFORMATION_TYPE)) {
            return read(d.document(POLICY));
        }
        return switch (Companion.of(d, NAME, NAME_ATTRIBUTES, POLICY_RESOURCE, POLICY_VAULT)) {
            case Value.Known<Optional<Declaration>> k when k.value().isPresent() ->
                    read(k.value().get().document(POLICY_DOCUMENT));
            case Value.Known<Optional<Declaration>> k -> Value.known(AccessPolicy.NONE);
            case Value<Optional<Declaration>> undecided -> undecided.map(none -> AccessPolicy.NONE);
        };
    }

    private static Value<AccessPolicy> read(Value<Object> document) {
        return switch (document) {
            case null -> Value.known(AccessPolicy.NONE);
            case Value.Known<Object> k -> AccessPolicy.read(k.value());
            case Value<Object> other -> other.map(none -> AccessPolicy.NONE);
        };
    }
}
