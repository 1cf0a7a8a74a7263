package dev.vigil.aws.collect;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.List;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeRegionSettingsResponse;

/**
 * AWS Backup's service opt-in for RDS in the region (DescribeRegionSettings). It matters only to selections that
 * reach instances through tags or wildcards, so a failure is recorded on the value (an ERROR where it decides a
 * check) rather than as a fault of the whole region.
 */
public final class BackupRegionSettingsCollector implements Collector {

    static final String OPERATION = "backup:DescribeRegionSettings";
    /** The key AWS Backup uses for RDS in ResourceTypeOptInPreference. */
    static final String RDS = "RDS";

    @Override
    public Class<? extends Resource> kind() {
        return BackupRegionSettings.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(OPERATION);
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        BackupClient client = region.connection().client(BackupClient::builder, region.region());
        Value<Boolean> rds;
        try {
            rds = rdsOptIn(client.describeRegionSettings(r -> { }));
        } catch (RuntimeException e) {
            rds = Value.failed(OPERATION + " failed: " + Faults.describe(e));
        }
        into.add(new BackupRegionSettings(region.origin(), OPERATION + "@" + region.origin().scope(),
                region.region(), rds));
    }

    private static Value<Boolean> rdsOptIn(DescribeRegionSettingsResponse settings) {
        if (!settings.hasResourceTypeOptInPreference()) {
            return Value.failed(OPERATION + " answered without ResourceTypeOptInPreference, which AWS always sends");
        }
        Boolean rds = settings.resourceTypeOptInPreference().get(RDS);
        return rds == null ? Value.failed(OPERATION + " did not list RDS among the resource types it opts in")
                : Value.known(rds);
    }
}
