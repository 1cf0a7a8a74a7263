package dev.vigil.core.model;

/**
 * An AWS Backup vault.
 *
 * @param encryptionKey the key that encrypts the recovery points AWS Backup encrypts itself; fixed when the vault is
 *                      created
 * @param accessPolicy  its resource-based access policy; {@link AccessPolicy#NONE} when it has none
 */
public record BackupVault(Origin origin, String id, String name, String arn, Value<EncryptionKey> encryptionKey,
                          Value<AccessPolicy> accessPolicy) implements Resource {
}
