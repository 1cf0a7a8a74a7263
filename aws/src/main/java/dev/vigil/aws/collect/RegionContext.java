package dev.vigil.aws.collect;

import dev.vigil.aws.AwsConnection;
import dev.vigil.core.model.Origin;
import software.amazon.awssdk.regions.Region;

/**
 * What a collector needs to work in one account and region. A re-check of named resources does not go through here
 * but through {@link Collector#collect(RegionContext, java.util.Set, dev.vigil.core.model.Inventory)}.
 *
 * @param shared the answers this scan of the region shares between collectors
 */
public record RegionContext(AwsConnection connection, String account, String region, SharedCalls shared) {

    /** A new scan of the region: nothing asked yet. */
    public RegionContext(AwsConnection connection, String account, String region) {
        this(connection, account, region, new SharedCalls());
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
