package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Lifecycle;
import dev.vigil.core.model.S3Bucket.Versioning;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 general purpose buckets of one region. ListBuckets filtered by {@code BucketRegion} (up to 10,000 a page) lists
 * only this region's buckets, so a scan of every region lists each bucket once instead of the account's whole list
 * once per region. S3 has no call that describes several buckets, so each bucket costs only the calls its selected
 * rules read: GetBucketVersioning (versioning and MFA delete), GetBucketLifecycleConfiguration (lifecycle rules),
 * GetObjectLockConfiguration (Object Lock). A few buckets are read at a time, so that the region's {@code s3:*} pace,
 * not latency, sets the speed. Tags are not read: no rule needs them and they would cost one more call per bucket.
 */
public final class S3BucketCollector implements Collector {

    static final int IN_FLIGHT = 8;
    static final int PAGE = 10_000;
    private static final String LIST = "s3:ListBuckets";
    /** An account without buckets gets an empty list with its Owner: a page with neither is not S3's answer. */
    private static final Pages<ListBucketsResponse, Bucket> LIST_PAGES = new Pages<>(LIST, "Buckets or Owner",
            page -> page.hasBuckets() || page.owner() != null, ListBucketsResponse::buckets,
            ListBucketsResponse::continuationToken);
    private static final String VERSIONING = "s3:GetBucketVersioning";
    private static final String LIFECYCLE = "s3:GetBucketLifecycleConfiguration";
    private static final String OBJECT_LOCK = "s3:GetObjectLockConfiguration";
    /** The fields each per-bucket call fills, with the IAM action it needs. */
    private static final Map<String, String> ACTIONS = Map.of("versioning", "s3:GetBucketVersioning",
            "mfaDelete", "s3:GetBucketVersioning", "lifecycle", "s3:GetLifecycleConfiguration",
            "objectLock", "s3:GetBucketObjectLockConfiguration");

    @Override
    public Class<? extends Resource> kind() {
        return S3Bucket.class;
    }

    @Override
    public List<String> iamActions() {
        return iamActions(Reads.ALL);
    }

    @Override
    public List<String> iamActions(Reads reads) {
        Set<String> actions = new LinkedHashSet<>(List.of("s3:ListAllMyBuckets"));
        ACTIONS.forEach((field, action) -> {
            if (reads.has(field)) {
                actions.add(action);
            }
        });
        return List.copyOf(actions);
    }

    /** Bucket-level CloudTrail events; each names its bucket in {@code requestParameters.bucketName}. */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.named("s3.amazonaws.com", new EventTrigger.Names("", false),
                List.of("requestParameters.bucketName"), "CreateBucket", "DeleteBucket", "PutBucketVersioning",
                "PutBucketLifecycle", "DeleteBucketLifecycle", "PutObjectLockConfiguration"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        collect(region, Reads.ALL, into);
    }

    @Override
    public void collect(RegionContext region, Reads reads, Inventory into) {
        S3Client s3 = region.connection().client(S3Client::builder, region.region());
        describe(s3, region, reads, list(s3, region, null), into);
    }

    /** One ListBuckets per named bucket, by prefix, in this region only; a bucket that is gone is absent. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        collect(region, Reads.ALL, names, into);
    }

    @Override
    public void collect(RegionContext region, Reads reads, Set<String> names, Inventory into) {
        S3Client s3 = region.connection().client(S3Client::builder, region.region());
        List<String> found = new ArrayList<>();
        for (String name : names) {
            String bucket = name.substring(name.lastIndexOf(':') + 1);   // a name, or an ARN arn:aws:s3:::NAME
            list(s3, region, bucket).stream().filter(bucket::equals).forEach(found::add);
        }
        describe(s3, region, reads, found, into);
    }

    /** This region's bucket names, starting with {@code prefix} when given. */
    private static List<String> list(S3Client s3, RegionContext region, String prefix) {
        ListBucketsRequest request = ListBucketsRequest.builder().bucketRegion(region.region()).maxBuckets(PAGE)
                .prefix(prefix).build();
        return LIST_PAGES.all(s3.listBucketsPaginator(request)).stream().map(Bucket::name).toList();
    }

    private static void describe(S3Client s3, RegionContext region, Reads reads, List<String> names, Inventory into) {
        InFlight.map(names, IN_FLIGHT, name -> describe(s3, region, reads, name)).forEach(into::add);
    }

    /** The bucket with the fields asked for; null when it was deleted since it was listed. */
    private static S3Bucket describe(S3Client s3, RegionContext region, Reads reads, String name) {
        Value<VersioningState> state = notRead();
        Value<Lifecycle> lifecycle = notRead();
        Value<Boolean> objectLock = notRead();
        try {
            if (reads.has("versioning") || reads.has("mfaDelete")) {
                state = read(VERSIONING, null, null, () -> versioning(s3.getBucketVersioning(r -> r.bucket(name))));
            }
            if (reads.has("lifecycle")) {
                lifecycle = read(LIFECYCLE, "NoSuchLifecycleConfiguration", Lifecycle.NONE,
                        () -> lifecycle(s3, name));
            }
            if (reads.has("objectLock")) {
                objectLock = read(OBJECT_LOCK, "ObjectLockConfigurationNotFoundError", false,
                        () -> objectLock(s3.getObjectLockConfiguration(r -> r.bucket(name)).objectLockConfiguration()));
            }
        } catch (Gone gone) {
            return null;
        }
        String arn = "arn:" + region.partition() + ":s3:::" + name;
        return new S3Bucket(region.origin(), arn, name, arn, state.map(VersioningState::versioning),
                state.map(VersioningState::mfaDelete), lifecycle, objectLock, Map.of());
    }

    /** What GetBucketVersioning says. */
    private record VersioningState(Versioning versioning, boolean mfaDelete) {
    }

    /** S3 leaves Status out until versioning is first set, and MFADelete out until MFA delete is first set. */
    private static VersioningState versioning(GetBucketVersioningResponse answer) {
        Versioning versioning = switch (answer.statusAsString()) {
            case null -> Versioning.UNVERSIONED;
            case "Enabled" -> Versioning.ENABLED;
            case "Suspended" -> Versioning.SUSPENDED;
            default -> throw new Unusable("an unrecognised Status '" + answer.statusAsString() + "'");
        };
        boolean mfaDelete = switch (answer.mfaDeleteAsString()) {
            case null -> false;
            case "Enabled" -> true;
            case "Disabled" -> false;
            default -> throw new Unusable("an unrecognised MFADelete '" + answer.mfaDeleteAsString() + "'");
        };
        return new VersioningState(versioning, mfaDelete);
    }

    private static Lifecycle lifecycle(S3Client s3, String name) {
        var answer = s3.getBucketLifecycleConfiguration(r -> r.bucket(name));
        if (!answer.hasRules()) {
            throw new Unusable("without Rules, which it always sends");
        }
        return new Lifecycle(answer.rules().size(),
                (int) answer.rules().stream().filter(r -> r.status() == ExpirationStatus.ENABLED).count());
    }

    private static boolean objectLock(ObjectLockConfiguration configuration) {
        if (configuration == null || configuration.objectLockEnabledAsString() == null) {
            throw new Unusable("without " + (configuration == null ? "ObjectLockConfiguration" : "ObjectLockEnabled")
                    + ", which it always sends");
        }
        return configuration.objectLockEnabledAsString().equals("Enabled");
    }

    /**
     * One call about one bucket: its answer; {@code whenNotConfigured} for the error code by which S3 says the setting
     * was never made (a fact, not a fault); a failed value for any other fault (access denied to this bucket, an answer
     * that cannot be used); {@link Gone} when the bucket no longer exists.
     */
    private static <T> Value<T> read(String operation, String notConfigured, T whenNotConfigured, Supplier<T> call) {
        try {
            return Value.known(call.get());
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (code != null && code.equals(notConfigured)) {
                return Value.known(whenNotConfigured);
            }
            if ("NoSuchBucket".equals(code)) {
                throw new Gone();
            }
            return Value.failed(operation + " failed: " + Faults.describe(e));
        } catch (Unusable e) {
            return Value.failed(operation + " answered " + e.getMessage());
        } catch (RuntimeException e) {
            return Value.failed(operation + " failed: " + Faults.describe(e));
        }
    }

    /** A field no selected rule reads: never a verdict, should a rule read it after all. */
    private static <T> Value<T> notRead() {
        return Value.failed("not read: no selected rule needs it");
    }

    /** An answer S3 sent that cannot be used. */
    private static final class Unusable extends RuntimeException {
        Unusable(String problem) {
            super(problem, null, false, false);
        }
    }

    /** The bucket was deleted since it was listed. */
    private static final class Gone extends RuntimeException {
        Gone() {
            super(null, null, false, false);
        }
    }
}
