package dev.vigil.aws.collect;

import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.EncryptionKey.Manager;
import dev.vigil.core.model.Value;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Who manages a KMS key, from {@code kms:DescribeKey}: asked once per distinct key in a region's scan, however many
 * vaults and tables use it. A key that cannot be described (its key policy denies the scanner, for one) is a failed
 * value of each resource that uses it, naming the call: an ERROR of those checks, never a verdict.
 */
final class KeyManagers {

    static final String DESCRIBE = "kms:DescribeKey";

    private KeyManagers() {
    }

    /** The key named by an ARN, key ID or alias, as AWS reports it; described in the key's own region. */
    static Value<EncryptionKey> of(RegionContext region, String key) {
        try {
            KeyMetadata metadata = region.shared().once(DESCRIBE + " " + key, () -> region.connection()
                    .client(KmsClient::builder, regionOf(key, region.region()))
                    .describeKey(r -> r.keyId(key)).keyMetadata());
            if (metadata == null || metadata.keyManagerAsString() == null) {
                return Value.failed(DESCRIBE + " answered without KeyMetadata.KeyManager for " + key
                        + ", which it always sends");
            }
            String arn = metadata.arn() == null ? key : metadata.arn();
            return switch (metadata.keyManagerAsString()) {
                case "AWS" -> Value.known(new EncryptionKey(Manager.AWS_MANAGED, arn));
                case "CUSTOMER" -> Value.known(new EncryptionKey(Manager.CUSTOMER_MANAGED, arn));
                default -> Value.failed(DESCRIBE + " answered an unrecognised KeyManager '"
                        + metadata.keyManagerAsString() + "' for " + key);
            };
        } catch (RuntimeException e) {
            return Value.failed(DESCRIBE + " failed for " + key + ": " + Faults.describe(e));
        }
    }

    /** {@code arn:aws:kms:REGION:ACCOUNT:key/ID} names its region; a key ID or alias is in the resource's. */
    private static String regionOf(String key, String fallback) {
        String[] parts = key.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : fallback;
    }
}
