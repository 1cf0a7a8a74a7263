package dev.vigil.aws;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach AWS.
 *
 * @param profile     named profile, or null for the default credential chain
 * @param regions     regions to scan; empty means every region enabled for the account
 * @param endpoint    endpoint override for emulators, or null (the SDK also honours AWS_ENDPOINT_URL)
 * @param credentials explicit credentials (emulators, tests), or null to use profile / default chain
 * @param limits      pacing per operation
 */
public record AwsOptions(String profile, List<String> regions, URI endpoint, AwsCredentialsProvider credentials,
                         RateLimits limits) {

    public AwsOptions {
        regions = List.copyOf(regions);
    }

    public static AwsOptions defaults() {
        return new AwsOptions(null, List.of(), null, null, RateLimits.aws());
    }

    public AwsOptions withCredentials(AwsCredentialsProvider newCredentials) {
        return new AwsOptions(profile, regions, endpoint, newCredentials, limits);
    }

    public AwsOptions withRegions(List<String> newRegions) {
        return new AwsOptions(profile, newRegions, endpoint, credentials, limits);
    }
}
