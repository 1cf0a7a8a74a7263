package dev.vigil.cli;

import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--rate", paramLabel = "OPERATION=PER_SECOND[/BURST]",
            description = "Pace an operation (or a bucket such as rds:Describe*) differently from AWS's published "
                    + "limit, e.g. dynamodb:DescribeContinuousBackups=5; repeatable.")
    Map<String, String> rates = new LinkedHashMap<>();

    @Option(names = "--attempt-timeout", paramLabel = "SECONDS",
            description = "Seconds one attempt of an API call may go without an answer before it counts as stuck "
                    + "(default: 10; a stuck call is retried once, then is an ERROR).")
    Integer attemptTimeout;

    AwsOptions toOptions() {
        RateLimits limits = RateLimits.aws();
        for (Map.Entry<String, String> rate : rates.entrySet()) {
            limits = limits.with(rate.getKey(), parseRate(rate.getKey(), rate.getValue()));
        }
        AwsOptions options = new AwsOptions(profile, regions, endpoint, null, limits);
        if (attemptTimeout == null) {
            return options;
        }
        if (attemptTimeout < 1) {
            throw new Vigil.UserException("--attempt-timeout " + attemptTimeout + ": expected whole seconds, at least 1");
        }
        return options.withAttemptTimeout(java.time.Duration.ofSeconds(attemptTimeout));
    }

    private static RateLimits.Rate parseRate(String key, String value) {
        String[] parts = value.split("/", 2);
        try {
            double perSecond = Double.parseDouble(parts[0]);
            int burst = parts.length > 1 ? Integer.parseInt(parts[1]) : Math.max(1, (int) Math.ceil(perSecond));
            if (perSecond <= 0 || burst < 1) {
                throw new NumberFormatException();
            }
            return new RateLimits.Rate(perSecond, burst);
        } catch (NumberFormatException e) {
            throw new Vigil.UserException("--rate " + key + "=" + value
                    + ": expected a positive rate per second, optionally /BURST, e.g. 10 or 12/300");
        }
    }
}
