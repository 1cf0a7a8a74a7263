package dev.vigil.aws.collect;

import dev.vigil.aws.AwsConnection;
import dev.vigil.core.model.Origin;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * What a collector needs to work in one account and region.
 *
 * @param only the names of the resources to collect (a re-check of what a fix changed), or null for all of them;
 *             it limits the kinds rules check, not the kinds they read to judge them
 */
public record RegionContext(AwsConnection connection, String account, String region, List<String> only) {

    public RegionContext {
        only = only == null ? null : List.copyOf(only);
    }

    /** Every resource of the region. */
    public RegionContext(AwsConnection connection, String account, String region) {
        this(connection, account, region, null);
    }

    public Optional<List<String>> names() {
        return Optional.ofNullable(only);
    }

    public Origin.Live origin() {
        return new Origin.Live(account, region);
    }

    /** The ARN partition of this region: aws, aws-cn, aws-us-gov. */
    public String partition() {
        return partitionOf(region);
    }

    public static String partitionOf(String region) {
        var metadata = Region.of(region).metadata();
        return metadata == null ? "aws" : metadata.partition().id();
    }
}
