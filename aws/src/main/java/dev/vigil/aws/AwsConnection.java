package dev.vigil.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/**
 * One account's SDK clients: one per (service, region), created on first use and reused, all sharing one
 * HTTP client, the pacing interceptor and a retry strategy that paces every attempt, backs off on throttling
 * without giving up early because of a retry quota, and gives a call that gets no answer one more chance only.
 */
public final class AwsConnection implements AutoCloseable {

    /** Enough attempts to ride out throttling; attempts without an answer are fewer (see PacedRetryStrategy). */
    static final int MAX_ATTEMPTS = 10;
    /** A last bound on one call, retries and pacing included; throttling is ridden out well within it. */
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    private final AwsOptions options;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final ClientOverrideConfiguration overrides;
    private final CallStats stats;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    public AwsConnection(AwsOptions options) {
        this(options, new CallStats());
    }

    /** A connection whose calls count into {@code stats}, shared across the accounts of one scan. */
    public AwsConnection(AwsOptions options, CallStats stats) {
        this.options = options;
        this.stats = stats;
        PacingInterceptor pacing = new PacingInterceptor(options.limits(), stats);
        this.credentials = options.credentials() != null ? options.credentials()
                : options.profile() != null ? ProfileCredentialsProvider.create(options.profile())
                : DefaultCredentialsProvider.builder().build();
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(options.attemptTimeout())
                .build();
        RetryStrategy standard = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .circuitBreakerEnabled(false)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                // the bucket's controller sets the pace; the backoff only spreads a throttled call's retries
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200),
                        Duration.ofSeconds(4)))
                .build();
        this.overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(new PacedRetryStrategy(standard, pacing))
                // the wait for the pace is not part of an attempt; with one retry, a stuck call is an ERROR after
                // about twice this
                .apiCallAttemptTimeout(options.attemptTimeout())
                .apiCallTimeout(CALL_TIMEOUT)
                .addExecutionInterceptor(pacing)
                .build();
    }

    public AwsOptions options() {
        return options;
    }

    public CallStats stats() {
        return stats;
    }

    /** The client for a service in a region, e.g. {@code client(DynamoDbClient::builder, "eu-west-1")}. */
    @SuppressWarnings("unchecked")
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            Supplier<B> builder, String region) {
        B b = builder.get();
        return (C) clients.computeIfAbsent(b.getClass().getName() + "|" + region, k -> {
            b.region(Region.of(region)).credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(overrides);
            if (options.endpoint() != null) {
                b.endpointOverride(options.endpoint());
                if (b instanceof S3BaseClientBuilder<?, ?> s3) {
                    s3.forcePathStyle(true);   // S3 names buckets in the host name otherwise; an emulator has one host
                }
            }
            return b.build();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        http.close();
    }
}
