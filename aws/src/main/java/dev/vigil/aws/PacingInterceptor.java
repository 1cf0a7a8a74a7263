package dev.vigil.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;

/**
 * Paces every HTTP attempt (adaptively, see {@link TokenBucket}) (retries count against AWS's buckets too) per region and rate bucket, and
 * counts calls and attempts. One instance serves one account, so buckets are per account and region.
 */
final class PacingInterceptor implements ExecutionInterceptor {

    /** The operation and bucket of this thread's call: sync clients retry on the calling thread. */
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<TokenBucket> CURRENT_BUCKET = new ThreadLocal<>();

    private final RateLimits limits;
    private final CallStats stats;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    PacingInterceptor(RateLimits limits, CallStats stats) {
        this.limits = limits;
        this.stats = stats;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CURRENT.set(operation(attributes));
        stats.call(operation(attributes));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        CURRENT.remove();
        CURRENT_BUCKET.remove();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        CURRENT.remove();
        CURRENT_BUCKET.remove();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        TokenBucket bucket = CURRENT_BUCKET.get();
        if (bucket != null && context.httpResponse().isSuccessful()) {
            bucket.accepted();
        }
    }

    /** Counts a throttled attempt and slows the bucket it drew from. */
    void throttled() {
        String operation = CURRENT.get();
        if (operation != null) {
            stats.throttle(operation);
        }
        TokenBucket bucket = CURRENT_BUCKET.get();
        if (bucket != null) {
            bucket.throttled();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = service(attributes);
        String bucket = limits.bucketFor(service, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        String region = String.valueOf(attributes.getAttribute(AwsExecutionAttribute.AWS_REGION));
        TokenBucket tokens = buckets.computeIfAbsent(region + "|" + bucket, k -> new TokenBucket(limits.rate(bucket)));
        CURRENT_BUCKET.set(tokens);
        try {
            tokens.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing " + bucket, e);
        }
        stats.attempt(operation(attributes));
    }

    private static String operation(ExecutionAttributes attributes) {
        return service(attributes) + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    /** IAM-style service prefix: {@code DynamoDB} → {@code dynamodb}. */
    private static String service(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(java.util.Locale.ROOT);
    }
}
