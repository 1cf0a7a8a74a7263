package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void throttlingHalvesTheRateDownToASixteenthAndAcceptedCallsWinItBack() {
        TokenBucket bucket = new TokenBucket(new RateLimits.Rate(10, 10));
        bucket.throttled();
        assertThat(bucket.currentRate()).isEqualTo(5.0);
        for (int i = 0; i < 10; i++) {
            bucket.throttled();
        }
        assertThat(bucket.currentRate()).isEqualTo(10.0 / 16);
        for (int i = 0; i < 100; i++) {
            bucket.accepted();
        }
        assertThat(bucket.currentRate()).isEqualTo(10.0);
    }

    @Test
    void rateBucketsFollowAwsSharing() {
        RateLimits limits = RateLimits.aws();
        assertThat(limits.bucketFor("rds", "DescribeDBInstances")).isEqualTo("rds:Describe*");
        assertThat(limits.bucketFor("rds", "DescribeDBSnapshots")).isEqualTo("rds:Describe*");
        assertThat(limits.rate("rds:Describe*")).isEqualTo(new RateLimits.Rate(12, 300));
        assertThat(limits.bucketFor("dynamodb", "DescribeContinuousBackups")).isEqualTo("dynamodb:DescribeContinuousBackups");
        assertThat(limits.rate(limits.bucketFor("dynamodb", "DescribeContinuousBackups"))).isEqualTo(new RateLimits.Rate(10, 10));
        assertThat(limits.bucketFor("backup", "ListBackupPlans")).isEqualTo("backup:*");
        assertThat(limits.bucketFor("sts", "GetCallerIdentity")).isEqualTo("sts:GetCallerIdentity");
    }
}
