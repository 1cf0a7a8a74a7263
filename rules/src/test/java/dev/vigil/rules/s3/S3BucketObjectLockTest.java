package dev.vigil.rules.s3;

import static dev.vigil.rules.Fixtures.bucketArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Lifecycle;
import dev.vigil.core.model.S3Bucket.Versioning;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableObjectLock;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3BucketObjectLockTest {

    private static S3Bucket bucket(String name, Value<Boolean> objectLock) {
        return Fixtures.bucket("eu-central-1", name, Value.known(Versioning.UNVERSIONED), Value.known(false),
                Value.known(Lifecycle.NONE), objectLock);
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
                .statuses(TerraformBuckets.failingBut(Map.of("aws_s3_bucket.by_id", Status.SUCCESS,
                        "aws_s3_bucket.inline", Status.SUCCESS, "aws_s3_bucket.inline_lock", Status.SUCCESS)));
    }
}
