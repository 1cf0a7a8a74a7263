package dev.vigil.aws.collect;

import dev.vigil.aws.AwsConnection;
import dev.vigil.core.model.Origin;
import software.amazon.awssdk.regions.Region;

/** What a collector needs to work in one account and region. */
public record RegionContext(AwsConnection connection, String account, String region) {

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
