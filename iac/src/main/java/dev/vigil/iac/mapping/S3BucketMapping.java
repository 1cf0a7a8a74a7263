package dev.vigil.iac.mapping;

import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Lifecycle;
import dev.vigil.core.model.S3Bucket.Versioning;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * S3 buckets: {@code AWS::S3::Bucket} and {@code aws_s3_bucket}. Name = {@code BucketName} / {@code bucket}, else the
 * logical ID or address. Absent settings are what S3 does for a new bucket: unversioned, no MFA delete, no lifecycle
 * rule, no Object Lock; a bucket whose template turns Object Lock on is versioned (S3 turns versioning on with it, and
 * refuses Object Lock on an unversioned bucket).
 *
 * <p>CloudFormation declares everything on the bucket, except MFA delete, which it cannot set: its buckets have no
 * MFA delete value (null). Terraform's AWS provider (version 4 on) configures a bucket from resources of their own that
 * name it in {@code bucket} ({@code aws_s3_bucket_versioning}, {@code aws_s3_bucket_lifecycle_configuration},
 * {@code aws_s3_bucket_object_lock_configuration}), and still accepts the older blocks inside the bucket
 * ({@code versioning}, {@code lifecycle_rule}, {@code object_lock_configuration}); a resource of its own wins. Which
 * bucket such a resource configures is decided by {@link #companion}.
 */
final class S3BucketMapping {

    static final Field NAME = new Field("BucketName", "bucket");
    static final Field TAGS = new Field("Tags", "tags");
    static final Field VERSIONING_STATUS = new Field("VersioningConfiguration.Status", null);
    static final Field INLINE_VERSIONING = new Field(null, "versioning.enabled");
    static final Field INLINE_MFA_DELETE = new Field(null, "versioning.mfa_delete");
    static final Field OBJECT_LOCK = new Field("ObjectLockEnabled", "object_lock_enabled");
    static final Field OBJECT_LOCK_CONFIGURATION = new Field("ObjectLockConfiguration.ObjectLockEnabled",
            "object_lock_configuration.object_lock_enabled");
    static final Field LIFECYCLE_RULES = new Field("LifecycleConfiguration.Rules", "lifecycle_rule");
    static final Field RULE_STATUS = new Field("Status", "status");
    static final Field INLINE_RULE_ENABLED = new Field(null, "enabled");

    /** Terraform resources that configure a bucket they name in {@code bucket}. */
    static final String VERSIONING_RESOURCE = "aws_s3_bucket_versioning";
    static final String LIFECYCLE_RESOURCE = "aws_s3_bucket_lifecycle_configuration";
    static final String OBJECT_LOCK_RESOURCE = "aws_s3_bucket_object_lock_configuration";
    static final Field BUCKET = new Field(null, "bucket");
    static final Field CONFIGURED_STATUS = new Field(null, "versioning_configuration.status");
    static final Field CONFIGURED_MFA_DELETE = new Field(null, "versioning_configuration.mfa_delete");
    static final Field CONFIGURED_RULES = new Field(null, "rule");
    static final Field CONFIGURED_OBJECT_LOCK = new Field(null, "object_lock_enabled");

    private static final String CLOUDFORMATION_TYPE = "AWS::S3::Bucket";
    private static final String TERRAFORM_TYPE = "aws_s3_bucket";
    /** The bucket attributes that give its name, as {@code bucket} arguments refer to them. */
    private static final Set<String> NAME_ATTRIBUTES = Set.of("id", "bucket");

    static final KindMapping MAPPING = new KindMapping(S3Bucket.class, List.of(CLOUDFORMATION_TYPE),
            List.of(TERRAFORM_TYPE), S3BucketMapping::map);

    private S3BucketMapping() {
    }

    private static List<S3Bucket> map(Declaration d) {
        String bucketName = d.decided(NAME);
        String name = bucketName == null || bucketName.isBlank() ? d.id() : bucketName;
        boolean cloudFormation = d.type().equals(CLOUDFORMATION_TYPE);

        Value<Boolean> objectLock = or(or(d.bool(OBJECT_LOCK, false),
                d.text(OBJECT_LOCK_CONFIGURATION, "").map("Enabled"::equals)),
                companion(d, OBJECT_LOCK_RESOURCE).map(Optional::isPresent));

        Value<Optional<Declaration>> versioningResource = companion(d, VERSIONING_RESOURCE);
        Value<Versioning> versioning;
        Value<Boolean> mfaDelete;
        if (!(versioningResource instanceof Value.Known<Optional<Declaration>> known)) {
            versioning = versioningResource.map(r -> Versioning.UNVERSIONED);
            mfaDelete = versioningResource.map(r -> false);
        } else if (known.value().isPresent()) {
            Declaration resource = known.value().get();
            versioning = versioning(resource.text(CONFIGURED_STATUS, null), CONFIGURED_STATUS.terraform());
            mfaDelete = enabled(resource.text(CONFIGURED_MFA_DELETE, "Disabled"), CONFIGURED_MFA_DELETE.terraform());
        } else if (cloudFormation) {
            versioning = versioning(d.text(VERSIONING_STATUS, null), VERSIONING_STATUS.cloudFormation());
            mfaDelete = null;
        } else {
            versioning = d.bool(INLINE_VERSIONING, false).map(on -> on ? Versioning.ENABLED : Versioning.UNVERSIONED);
            mfaDelete = d.bool(INLINE_MFA_DELETE, false);
        }
        if (versioning instanceof Value.Known<Versioning> v && v.value() == Versioning.UNVERSIONED
                && objectLock instanceof Value.Known<Boolean> lock && lock.value()) {
            versioning = Value.known(Versioning.ENABLED);
        }
        return List.of(new S3Bucket(d.origin(), d.id(), name, "arn:aws:s3:::" + name, versioning, mfaDelete,
                lifecycle(d), objectLock, d.tags(TAGS)));
    }

    /** The bucket's lifecycle rules, from a configuration resource of its own, else from the bucket itself. */
    private static Value<Lifecycle> lifecycle(Declaration d) {
        return switch (companion(d, LIFECYCLE_RESOURCE)) {
            case Value.Known<Optional<Declaration>> k when k.value().isPresent() ->
                    rules(k.value().get().elements(CONFIGURED_RULES), r -> enabled(r.text(RULE_STATUS, null),
                            RULE_STATUS.terraform()));
            case Value.Known<Optional<Declaration>> k when d.type().equals(CLOUDFORMATION_TYPE) ->
                    rules(d.elements(LIFECYCLE_RULES), r -> enabled(r.text(RULE_STATUS, null),
                            RULE_STATUS.cloudFormation()));
            case Value.Known<Optional<Declaration>> k ->
                    rules(d.elements(LIFECYCLE_RULES), r -> r.bool(INLINE_RULE_ENABLED, false));
            case Value<Optional<Declaration>> undecided -> undecided.map(r -> Lifecycle.NONE);
        };
    }

    /** Counts rules and enabled rules; a rule whose state cannot be decided makes the count so, unless another is on. */
    private static Value<Lifecycle> rules(Value<List<Declaration>> rules,
                                          java.util.function.Function<Declaration, Value<Boolean>> enabled) {
        if (!(rules instanceof Value.Known<List<Declaration>> known)) {
            return rules.map(r -> Lifecycle.NONE);
        }
        int on = 0;
        Value<Lifecycle> undecided = null;
        for (Declaration rule : known.value()) {
            switch (enabled.apply(rule)) {
                case Value.Known<Boolean> k when k.value() -> on++;
                case Value.Known<Boolean> k -> { }
                case Value<Boolean> other -> undecided = undecided != null ? undecided : other.map(b -> Lifecycle.NONE);
            }
        }
        return on == 0 && undecided != null ? undecided : Value.known(new Lifecycle(known.value().size(), on));
    }

    /** The resource of a Terraform type that configures this bucket by naming it in {@code bucket} ({@link Companion}). */
    static Value<Optional<Declaration>> companion(Declaration bucket, String type) {
        return Companion.of(bucket, NAME, NAME_ATTRIBUTES, type, BUCKET);
    }

    /** {@code Enabled} or {@code Suspended}; Terraform's {@code Disabled} (allowed when the bucket is created) and absence are unversioned. */
    private static Value<Versioning> versioning(Value<String> status, String property) {
        return switch (status) {
            case Value.Known<String> s when s.value().isEmpty() || s.value().equals("Disabled") ->
                    Value.known(Versioning.UNVERSIONED);
            case Value.Known<String> s when s.value().equals("Enabled") -> Value.known(Versioning.ENABLED);
            case Value.Known<String> s when s.value().equals("Suspended") -> Value.known(Versioning.SUSPENDED);
            case Value.Known<String> s -> Value.failed(property + " is '" + s.value()
                    + "'; it accepts Enabled or Suspended");
            case Value<String> other -> other.map(t -> Versioning.UNVERSIONED);
        };
    }

    /** {@code Enabled} or {@code Disabled}, which the rule's language requires. */
    private static Value<Boolean> enabled(Value<String> status, String property) {
        return switch (status) {
            case Value.Known<String> s when s.value().isEmpty() -> Value.failed(property
                    + " is missing; it is required (Enabled or Disabled)");
            case Value.Known<String> s when s.value().equals("Enabled") -> Value.known(true);
            case Value.Known<String> s when s.value().equals("Disabled") -> Value.known(false);
            case Value.Known<String> s -> Value.failed(property + " is '" + s.value()
                    + "'; it accepts Enabled or Disabled");
            case Value<String> other -> other.map(t -> false);
        };
    }

    /** True when either is known true; false when both are known false; else the first that is not known. */
    private static Value<Boolean> or(Value<Boolean> a, Value<Boolean> b) {
        if (isTrue(a) || isTrue(b)) {
            return Value.known(true);
        }
        return a instanceof Value.Known<Boolean> ? b : a;
    }

    private static boolean isTrue(Value<Boolean> value) {
        return value instanceof Value.Known<Boolean> k && k.value();
    }
}
