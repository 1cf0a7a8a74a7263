package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void waitsForTokensAtTheControllersRateOnAFakeClock() throws InterruptedException {
        long[] now = {0};
        TokenBucket bucket = new TokenBucket(new RateLimits.Rate(10, 3), () -> now[0]);
        bucket.acquire();   // burst - 1 tokens at the start
        bucket.acquire();
        assertThat(bucket.currentRate()).isEqualTo(10.0);
        now[0] += 100_000_000L;   // 0.1 s: one more token
        bucket.acquire();
        now[0] += 1_000_000_000L;  // a second later at most the burst is there
        for (int i = 0; i < 3; i++) {
            bucket.acquire();
        }
        for (int i = 0; i < 12; i++) {   // a window of throttles
            now[0] += 100_000_000L;
            bucket.throttled();
        }
        assertThat(bucket.currentRate()).isEqualTo(5.0);
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
