package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RdsInstance;
import java.util.Map;

/**
 * What AWS Backup selects a resource by: its ARN and tags, the ARN's resource type that names it
 * ({@code arn:aws:rds:REGION:ACCOUNT:<arnType>:NAME}), and the resource type of the region's service opt-in.
 */
record Target(String name, String arn, Map<String, String> tags, String arnType, String optInType) {

    static Target of(RdsInstance instance) {
        return new Target(instance.name(), instance.arn(), instance.tags(), "db", BackupRegionSettings.RDS);
    }

    /** Aurora clusters have an opt-in of their own in AWS Backup, apart from RDS. */
    static Target of(RdsCluster cluster) {
        return new Target(cluster.name(), cluster.arn(), cluster.tags(), "cluster", BackupRegionSettings.AURORA);
    }
}
