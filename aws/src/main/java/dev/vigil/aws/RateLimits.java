package dev.vigil.aws;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request rates per account, region and operation. Keys are {@code service:Operation}; a trailing
 * {@code *} shares one bucket among all operations with that prefix, as AWS does for RDS Describe*.
 */
public final class RateLimits {

    /** A token bucket: {@code perSecond} sustained, up to {@code burst} at once. */
    public record Rate(double perSecond, int burst) {}

    private final Map<String, Rate> rates;
    private final Rate fallback;

    private RateLimits(Map<String, Rate> rates, Rate fallback) {
        this.rates = Map.copyOf(rates);
        this.fallback = fallback;
    }

    /** AWS's published limits where it publishes them; a modest default elsewhere. */
    public static RateLimits aws() {
        Map<String, Rate> rates = new LinkedHashMap<>();
        rates.put("dynamodb:DescribeContinuousBackups", new Rate(10, 10));
        rates.put("dynamodb:ListTables", new Rate(100, 100));
        // EC2 gives each API its own bucket; paginated or filtered Describe* calls draw on the non-mutating one
        // (100 tokens, refilled at 20/s), mutating calls refill at 5/s
        rates.put("ec2:CreateSnapshot", new Rate(5, 100));
        rates.put("ec2:DescribeSnapshotAttribute", new Rate(20, 100));
        rates.put("ec2:DescribeSnapshots", new Rate(20, 100));
        rates.put("ec2:DescribeVolumes", new Rate(20, 100));
        rates.put("ec2:ModifySnapshotAttribute", new Rate(5, 100));
        rates.put("rds:Describe*", new Rate(12, 300));
        rates.put("backup:*", new Rate(10, 20));
        rates.put("dynamodb:ListBackups", new Rate(5, 5));   // "a maximum of five times per second" (API reference)
        // S3 publishes no rate for bucket configuration calls: one modest bucket for all of them, as for other
        // unpublished limits, so that three reads per bucket do not triple the pace
        rates.put("s3:*", new Rate(20, 40));
        rates.put("securityhub:BatchImportFindings", new Rate(10, 30));
        return new RateLimits(rates, new Rate(20, 20));
    }

    public RateLimits with(String key, Rate rate) {
        Map<String, Rate> copy = new LinkedHashMap<>(rates);
        copy.put(key, rate);
        return new RateLimits(copy, fallback);
    }

    /** The bucket an operation draws from: its own key, or the wildcard key it falls under. */
    public String bucketFor(String service, String operation) {
        String exact = service + ":" + operation;
        if (rates.containsKey(exact)) {
            return exact;
        }
        return rates.keySet().stream()
                .filter(k -> k.endsWith("*") && exact.startsWith(k.substring(0, k.length() - 1)))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .orElse(exact);
    }

    public Rate rate(String bucket) {
        return rates.getOrDefault(bucket, fallback);
    }
}
