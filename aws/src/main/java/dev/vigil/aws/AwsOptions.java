package dev.vigil.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach AWS.
 *
 * @param profile        named profile, or null for the default credential chain
 * @param regions        regions to scan; empty means every region enabled for the account
 * @param endpoint       endpoint override for emulators, or null (the SDK also honours AWS_ENDPOINT_URL)
 * @param credentials    explicit credentials (emulators, tests), or null to use profile / default chain
 * @param limits         pacing per operation
 * @param attemptTimeout how long one attempt of a call may go without an answer before it counts as stuck
 */
public record AwsOptions(String profile, List<String> regions, URI endpoint, AwsCredentialsProvider credentials,
                         RateLimits limits, Duration attemptTimeout) {

    /**
     * AWS answers control-plane calls in well under a second even when slow; an attempt silent for this long is
     * stuck. A slower endpoint (a loaded emulator, a slow link) can be given more.
     */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    public AwsOptions {
        regions = List.copyOf(regions);
    }

    public AwsOptions(String profile, List<String> regions, URI endpoint, AwsCredentialsProvider credentials,
                      RateLimits limits) {
        this(profile, regions, endpoint, credentials, limits, DEFAULT_ATTEMPT_TIMEOUT);
    }

    public static AwsOptions defaults() {
        return new AwsOptions(null, List.of(), null, null, RateLimits.aws());
    }

    public AwsOptions withCredentials(AwsCredentialsProvider newCredentials) {
        return new AwsOptions(profile, regions, endpoint, newCredentials, limits, attemptTimeout);
    }

    public AwsOptions withRegions(List<String> newRegions) {
        return new AwsOptions(profile, newRegions, endpoint, credentials, limits, attemptTimeout);
    }

    public AwsOptions withAttemptTimeout(Duration timeout) {
        return new AwsOptions(profile, regions, endpoint, credentials, limits, timeout);
    }
}
