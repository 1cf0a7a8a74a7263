package dev.vigil.core.model;

import java.util.Map;

/**
 * An RDS DB instance.
 *
 * @param arn                 its ARN (templates synthesize one that selections in the same template resolve to)
 * @param clusterId           the Aurora cluster it belongs to, or null
 * @param replicaSource       the source instance when this is a read replica, or null
 * @param tags                its tags, used to match backup selections by tag
 * @param backupRetentionDays how many days automated backups are kept; 0 when they are off
 * @param copyTagsToSnapshot  whether its snapshots get its tags
 * @param deletionProtection  whether a delete request is refused until the flag is turned off
 */
public record RdsInstance(Origin origin, String id, String name, String arn, String engine, String clusterId,
                          String replicaSource, Map<String, String> tags, Value<Long> backupRetentionDays,
                          Value<Boolean> copyTagsToSnapshot, Value<Boolean> deletionProtection) implements Resource {

    public RdsInstance {
        tags = Map.copyOf(tags);
    }

    /** Aurora members are backed up as a cluster, not as instances. */
    public boolean isClusterMember() {
        return clusterId != null || (engine != null && engine.startsWith("aurora"));
    }
}
