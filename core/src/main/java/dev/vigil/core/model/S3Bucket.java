package dev.vigil.core.model;

import java.util.Map;

/**
 * An S3 general purpose bucket; a live bucket's origin is the region it lives in.
 *
 * @param versioning the bucket's versioning state; a bucket created with Object Lock is always versioned
 * @param mfaDelete  whether deleting object versions and changing versioning need the root user's MFA code; null where
 *                   the source cannot state it (CloudFormation has no property for it)
 * @param lifecycle  its lifecycle rules; a bucket without a lifecycle configuration has none
 * @param objectLock whether Object Lock is on
 */
public record S3Bucket(Origin origin, String id, String name, String arn, Value<Versioning> versioning,
                       Value<Boolean> mfaDelete, Value<Lifecycle> lifecycle, Value<Boolean> objectLock,
                       Map<String, String> tags) implements Resource {

    public S3Bucket {
        tags = Map.copyOf(tags);
    }

    /** The three states S3 knows: never versioned, versioning on, versioning suspended (it never returns to off). */
    public enum Versioning { UNVERSIONED, ENABLED, SUSPENDED }

    /** How many lifecycle rules the bucket has, and how many of them are enabled. */
    public record Lifecycle(int rules, int enabledRules) {

        public static final Lifecycle NONE = new Lifecycle(0, 0);
    }
}
