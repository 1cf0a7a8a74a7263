package dev.vigil.rules;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.RdsSnapshot;
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
        return new RdsInstance(live(region), dbArn(region, name), name, dbArn(region, name), "postgres", null, null,
                tags);
    }

    public static RdsInstance replica(String region, String name, String source) {
        return new RdsInstance(live(region), dbArn(region, name), name, dbArn(region, name), "postgres", null, source,
                Map.of());
    }

    public static RdsInstance auroraMember(String region, String name) {
        return new RdsInstance(live(region), dbArn(region, name), name, dbArn(region, name), "aurora-postgresql",
                "cluster-1", null, Map.of());
    }

    public static RdsSnapshot backupSnapshot(String region, String instance) {
        return new RdsSnapshot(live(region), "arn:aws:rds:" + region + ":" + ACCOUNT + ":snapshot:awsbackup:job-1",
                "awsbackup:job-1", instance, "awsbackup");
    }

    /** AWS Backup's service opt-in for RDS in a region. */
    public static BackupRegionSettings regionSettings(String region, Value<Boolean> rdsOptIn) {
        return new BackupRegionSettings(live(region), "backup:region-settings@" + ACCOUNT + "/" + region, region,
                rdsOptIn);
    }

    public static BackupSelection selection(String region, List<String> resources, List<String> notResources,
                                            List<TagCondition> listOfTags, List<TagCondition> conditions) {
        return new BackupSelection(live(region), "sel-" + resources.hashCode(), "selection", "plan",
                resources.stream().map(Value::known).toList(), notResources.stream().map(Value::known).toList(),
                listOfTags, conditions);
    }
}
