package dev.vigil.cli;

import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to reach AWS: profile, regions, endpoint. */
final class AwsOptionsMixin {

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile (default: the SDK's default chain).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region to scan; repeatable (default: every region enabled for the account).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every AWS call to URL (an emulator). AWS_ENDPOINT_URL works too.")
    URI endpoint;

    AwsOptions toOptions() {
        return new AwsOptions(profile, regions, endpoint, null, RateLimits.aws());
    }
}
