package dev.vigil.aws;

import dev.vigil.aws.collect.Faults;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** The scan cannot start: no credentials, an unreachable endpoint, or the account cannot be identified. */
public final class AwsAccessException extends RuntimeException {

    public AwsAccessException(SdkException cause) {
        super(advice(cause), cause);
    }

    public AwsAccessException(String message, SdkException cause) {
        super(message, cause);
    }

    private static String advice(SdkException e) {
        String cause = Faults.describe(e);
        if (cause.contains("Unable to load credentials") || cause.contains("credentials")
                && e instanceof SdkClientException) {
            return "no AWS credentials found: run 'aws configure', set AWS_PROFILE or pass --profile";
        }
        if (e instanceof SdkClientException) {
            return "cannot reach AWS: " + cause + " (check --endpoint-url, AWS_ENDPOINT_URL and the network)";
        }
        return "cannot identify the AWS account: " + cause;
    }
}
