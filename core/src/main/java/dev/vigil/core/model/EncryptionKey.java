package dev.vigil.core.model;

/**
 * The KMS key that encrypts a resource at rest, and who manages it. An AWS owned key lives outside the account and has
 * no ARN there; an AWS managed key ({@code aws/SERVICE}) is in the account but AWS controls it; a customer managed key
 * is the customer's to control (key policy, rotation, disabling).
 *
 * @param key the key's ARN, or the alias or template reference that names it; null for an AWS owned key
 */
public record EncryptionKey(Manager manager, String key) {

    public enum Manager { AWS_OWNED, AWS_MANAGED, CUSTOMER_MANAGED }

    public static final EncryptionKey AWS_OWNED = new EncryptionKey(Manager.AWS_OWNED, null);

    /** How messages name it, e.g. {@code the AWS managed key alias/aws/backup}. */
    public String describe() {
        return switch (manager) {
            case AWS_OWNED -> "an AWS owned key";
            case AWS_MANAGED -> "the AWS managed key " + key;
            case CUSTOMER_MANAGED -> "the customer managed key " + key;
        };
    }
}
