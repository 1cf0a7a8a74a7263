package dev.vigil.rules;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.RdsSnapshot;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.TagCondition;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Map;

/** Hand-built live resources for rule tests. */
public final class Fixtures {

    public static final String ACCOUNT = "123456789012";

    private Fixtures() {
    }

    public static Origin.Live live(String region) {
        return new Origin.Live(ACCOUNT, region);
    }

    public static String tableArn(String region, String name) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
    }

    public static DynamoDbTable table(String region, String name, Value<PitrStatus> pitr, Integer days) {
        return new DynamoDbTable(live(region), tableArn(region, name), name, pitr, days);
    }

    public static String dbArn(String region, String name) {
        return "arn:aws:rds:" + region + ":" + ACCOUNT + ":db:" + name;
    }

    public static RdsInstance db(String region, String name, Map<String, String> tags) {
        return instance(region, name, "postgres", null, null, tags);
    }

    public static RdsInstance replica(String region, String name, String source) {
        return instance(region, name, "postgres", null, source, Map.of());
    }

    public static RdsInstance auroraMember(String region, String name) {
        return instance(region, name, "aurora-postgresql", "cluster-1", null, Map.of());
    }

    /** A DB instance as the RDS API creates one by default: backups kept 1 day, tags not copied, unprotected. */
    private static RdsInstance instance(String region, String name, String engine, String cluster, String source,
                                        Map<String, String> tags) {
        return new RdsInstance(live(region), dbArn(region, name), name, dbArn(region, name), engine, cluster, source,
                tags, Value.known(1L), Value.known(false), Value.known(false));
    }

    public static RdsSnapshot backupSnapshot(String region, String instance) {
        return new RdsSnapshot(live(region), "arn:aws:rds:" + region + ":" + ACCOUNT + ":snapshot:awsbackup:job-1",
                "awsbackup:job-1", instance, "awsbackup");
    }

    /** AWS Backup's service opt-in for RDS in a region. */
    public static BackupRegionSettings regionSettings(String region, Value<Boolean> rdsOptIn) {
        return regionSettings(region, BackupRegionSettings.RDS, rdsOptIn);
    }

    /** AWS Backup's service opt-in for one resource type (e.g. {@link BackupRegionSettings#AURORA}) in a region. */
    public static BackupRegionSettings regionSettings(String region, String type, Value<Boolean> optIn) {
        return new BackupRegionSettings(live(region), "backup:region-settings@" + ACCOUNT + "/" + region, region,
                Map.of(type, optIn));
    }

    public static BackupSelection selection(String region, List<String> resources, List<String> notResources,
                                            List<TagCondition> listOfTags, List<TagCondition> conditions) {
        return new BackupSelection(live(region), "sel-" + resources.hashCode(), "selection", "plan",
                resources.stream().map(Value::known).toList(), notResources.stream().map(Value::known).toList(),
                listOfTags, conditions);
    }

    public static String bucketArn(String name) {
        return "arn:aws:s3:::" + name;
    }

    /** A live bucket with the settings of a new bucket (unversioned, no MFA delete, no lifecycle, no Object Lock). */
    public static S3Bucket bucket(String region, String name) {
        return bucket(region, name, Value.known(S3Bucket.Versioning.UNVERSIONED), Value.known(false),
                Value.known(S3Bucket.Lifecycle.NONE), Value.known(false));
    }

    public static S3Bucket bucket(String region, String name, Value<S3Bucket.Versioning> versioning,
                                  Value<Boolean> mfaDelete, Value<S3Bucket.Lifecycle> lifecycle,
                                  Value<Boolean> objectLock) {
        return new S3Bucket(live(region), bucketArn(name), name, bucketArn(name), versioning, mfaDelete, lifecycle,
                objectLock, Map.of());
    }

    public static String clusterArn(String region, String name) {
        return "arn:aws:rds:" + region + ":" + ACCOUNT + ":cluster:" + name;
    }

    /** A live DB cluster of the RDS API; each rule's test varies the fields it judges. */
    public static RdsCluster cluster(String region, String name, String engine, Value<Boolean> deletionProtection,
                                     Value<Boolean> copyTags, Value<Long> backtrackSeconds, Value<Long> retentionDays) {
        return new RdsCluster(live(region), clusterArn(region, name), name, clusterArn(region, name), engine,
                deletionProtection, copyTags, backtrackSeconds, retentionDays, Map.of());
    }
}
