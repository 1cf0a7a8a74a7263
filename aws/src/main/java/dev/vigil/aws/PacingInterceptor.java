package dev.vigil.aws;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Knows which call each thread is making — its operation and the {@link TokenBucket} it draws from, per region and
 * rate bucket — for {@link PacedRetryStrategy}, which paces every attempt; and counts calls, attempts and
 * throttles. One instance serves one account, so buckets are per account and region.
 */
final class PacingInterceptor implements ExecutionInterceptor {

    /** A call in progress: sync clients make it, retries included, on the calling thread. */
    record Call(String operation, TokenBucket bucket) {}

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();
    /** The call this one interrupted (a credentials provider may call STS in the middle of another call). */
    private static final ExecutionAttribute<Call> OUTER = new ExecutionAttribute<>("vigil.outerCall");

    private final RateLimits limits;
    private final CallStats stats;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    PacingInterceptor(RateLimits limits, CallStats stats) {
        this.limits = limits;
        this.stats = stats;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String bucket = limits.bucketFor(service, operation);
        String region = String.valueOf(attributes.getAttribute(AwsExecutionAttribute.AWS_REGION));
        Call call = new Call(service + ":" + operation,
                buckets.computeIfAbsent(region + "|" + bucket, k -> new TokenBucket(limits.rate(bucket))));
        Call outer = CURRENT.get();
        if (outer != null) {
            attributes.putAttribute(OUTER, outer);
        }
        CURRENT.set(call);
        stats.call(call.operation());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Call call = CURRENT.get();
        if (call != null) {
            stats.attempt(call.operation());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        restore(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        restore(attributes);
    }

    private static void restore(ExecutionAttributes attributes) {
        Call outer = attributes.getAttribute(OUTER);
        if (outer != null) {
            CURRENT.set(outer);
        } else {
            CURRENT.remove();
        }
    }

    /** The call this thread is making, or null outside one. */
    Call current() {
        return CURRENT.get();
    }

    /** Counts a throttled attempt of the current call and tells its bucket. */
    void throttled(Call call) {
        stats.throttle(call.operation());
        call.bucket().throttled();
    }
}
