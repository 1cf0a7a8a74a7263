package dev.vigil.rules.s3;

import static dev.vigil.rules.Fixtures.bucketArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Lifecycle;
import dev.vigil.core.model.S3Bucket.Versioning;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.AddLifecycleConfiguration;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3BucketLifecycleTest {

    private static S3Bucket bucket(String name, Value<Lifecycle> lifecycle) {
        return Fixtures.bucket("ap-southeast-2", name, Value.known(Versioning.UNVERSIONED), Value.known(false),
                lifecycle, Value.known(false));
    }

    @Test
    void anEnabledRulePassesNoRuleOrOnlyDisabledRulesFail() {
        RuleTester t = RuleTester.rule(new S3BucketLifecycle())
                .given(bucket("tiered", Value.known(new Lifecycle(2, 1))),
                        bucket("paused", Value.known(new Lifecycle(3, 0))),
                        bucket("none", Value.known(Lifecycle.NONE)),
                        bucket("denied", Value.failed("s3:GetBucketLifecycleConfiguration failed: AccessDenied")),
                        bucket("templated", Value.unknown("!Ref Rules")))
                .evaluate()
                .statuses(Map.of(bucketArn("tiered"), Status.SUCCESS, bucketArn("paused"), Status.FAILURE,
                        bucketArn("none"), Status.FAILURE, bucketArn("denied"), Status.ERROR,
                        bucketArn("templated"), Status.UNKNOWN));
        assertThat(t.check(bucketArn("tiered")).message()).isEqualTo("1 of 2 lifecycle rule(s) enabled");
        assertThat(t.check(bucketArn("paused")).message()).contains("None of the 3 lifecycle rule(s) is enabled");
        assertThat(t.check(bucketArn("none")).remedy()).isEqualTo(new AddLifecycleConfiguration("none"));
    }

    @Test
    void cloudFormationBucketsAreJudgedByTheirRules() {
        RuleTester t = RuleTester.rule(new S3BucketLifecycle())
                .givenCloudFormation("s3-buckets.yaml")
                .evaluate()
                .statuses(Map.of("Plain", Status.FAILURE, "Versioned", Status.SUCCESS, "Suspended", Status.FAILURE,
                        "Locked", Status.FAILURE, "LockedByConfiguration", Status.FAILURE,
                        "FromParameter", Status.UNKNOWN, "Misspelt", Status.ERROR));
        assertThat(t.check("FromParameter").message()).contains("!Ref Rules");
        assertThat(t.check("Misspelt").message()).contains("Status is 'yes'");
    }

    @Test
    void terraformRulesComeFromTheLifecycleResourceOrTheInlineBlocks() {
        RuleTester.rule(new S3BucketLifecycle())
                .givenTerraform("s3-buckets")
                .givenTerraform("s3-inline")
                .evaluate()
                .statuses(TerraformBuckets.failingBut(Map.of("aws_s3_bucket.by_id", Status.SUCCESS,
                        "aws_s3_bucket.inline", Status.SUCCESS)));
    }
}
