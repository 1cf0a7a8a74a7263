package dev.vigil.core.model;

import java.util.Map;

/**
 * A provisioned Amazon Redshift cluster.
 *
 * @param snapshotRetentionDays automated snapshot retention period in days; 0 when automated snapshots are off
 */
public record RedshiftCluster(Origin origin, String id, String name, String arn, Value<Long> snapshotRetentionDays,
                              Map<String, String> tags) implements Resource {

    public RedshiftCluster {
        tags = Map.copyOf(tags);
    }
}
