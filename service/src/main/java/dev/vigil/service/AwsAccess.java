package dev.vigil.service;

import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How the service's jobs reach AWS beyond what each account says: the credentials to start from (null: the SDK's
 * default chain, or the account's profile) and the pacing (AWS's published limits unless a test or bench says).
 */
public record AwsAccess(AwsCredentialsProvider credentials, RateLimits limits) {

    public static AwsAccess defaults() {
        return new AwsAccess(null, RateLimits.aws());
    }

    AwsOptions options(AccountConfig account, List<String> regions) {
        return new AwsOptions(account.profile(), regions, account.endpointUrl(), credentials, limits);
    }
}
