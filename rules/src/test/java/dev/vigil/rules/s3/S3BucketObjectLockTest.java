package dev.vigil.rules.s3;

import static dev.vigil.rules.Fixtures.bucketArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableObjectLock;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3BucketObjectLockTest {

    private static S3Bucket bucket(String name, Value<Boolean> objectLock) {
        S3Bucket b = Fixtures.bucket("eu-central-1", name);
        return new S3Bucket(b.origin(), b.id(), b.name(), b.arn(), b.versioning(), b.mfaDelete(), b.lifecycle(),
                objectLock, b.tags());
    }

    @Test
    void lockedPassesUnlockedFails() {
        RuleTester t = RuleTester.rule(new S3BucketObjectLock())
                .given(bucket("vault", Value.known(true)), bucket("open", Value.known(false)),
                        bucket("denied", Value.failed("s3:GetObjectLockConfiguration failed: AccessDenied")),
                        bucket("templated", Value.unknown("var.lock")))
                .evaluate()
                .statuses(Map.of(bucketArn("vault"), Status.SUCCESS, bucketArn("open"), Status.FAILURE,
                        bucketArn("denied"), Status.ERROR, bucketArn("templated"), Status.UNKNOWN));
        assertThat(t.check(bucketArn("open")).remedy()).isEqualTo(new EnableObjectLock("open"));
    }

    @Test
    void cloudFormationBucketsAreLockedByEitherProperty() {
        RuleTester t = RuleTester.rule(new S3BucketObjectLock())
                .givenCloudFormation("s3-buckets.yaml")
                .evaluate()
                .statuses(Map.of("Plain", Status.FAILURE, "Versioned", Status.FAILURE, "Suspended", Status.FAILURE,
                        "Locked", Status.SUCCESS, "LockedByConfiguration", Status.SUCCESS,
                        "FromParameter", Status.UNKNOWN, "Misspelt", Status.ERROR));
        assertThat(t.check("Misspelt").message()).contains("ObjectLockEnabled is 'sure'");
    }

    @Test
    void terraformLocksComeFromTheBucketItsOlderBlockOrALockResource() {
        RuleTester.rule(new S3BucketObjectLock())
                .givenTerraform("s3-buckets")
                .givenTerraform("s3-inline")
                .evaluate()
                .statuses(Map.ofEntries(Map.entry("aws_s3_bucket.by_id", Status.SUCCESS),
                        Map.entry("aws_s3_bucket.by_name", Status.FAILURE),
                        Map.entry("aws_s3_bucket.counted[0]", Status.FAILURE),
                        Map.entry("aws_s3_bucket.counted[1]", Status.FAILURE),
                        Map.entry("aws_s3_bucket.each[\"eu\"]", Status.FAILURE),
                        Map.entry("aws_s3_bucket.each[\"us\"]", Status.FAILURE),
                        Map.entry("aws_s3_bucket.plain", Status.FAILURE),
                        Map.entry("aws_s3_bucket.inline", Status.SUCCESS),
                        Map.entry("aws_s3_bucket.inline_lock", Status.SUCCESS),
                        Map.entry("aws_s3_bucket.unnamed", Status.FAILURE)));
    }
}
