package dev.vigil.aws.collect;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeRegionSettingsResponse;

/**
 * AWS Backup's service opt-in for RDS and for Aurora in the region (DescribeRegionSettings, one call for both). It
 * matters only to selections that reach DB instances or clusters through tags or wildcards, so a failure is recorded
 * on the values (an ERROR where it decides a check) rather than as a fault of the whole region.
 */
public final class BackupRegionSettingsCollector implements Collector {

    static final String OPERATION = "backup:DescribeRegionSettings";
    /** The keys of ResourceTypeOptInPreference the rules read. */
    static final List<String> TYPES = List.of(BackupRegionSettings.RDS, BackupRegionSettings.AURORA);

    @Override
    public Class<? extends Resource> kind() {
        return BackupRegionSettings.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(OPERATION);
    }

    /** The opt-in changes through this call only; it decides which selections cover the region's DB instances and clusters. */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.regionWide("backup.amazonaws.com", "UpdateRegionSettings"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        BackupClient client = region.connection().client(BackupClient::builder, region.region());
        Map<String, Value<Boolean>> optIns = new LinkedHashMap<>();
        try {
            DescribeRegionSettingsResponse settings = client.describeRegionSettings(r -> { });
            TYPES.forEach(type -> optIns.put(type, optIn(settings, type)));
        } catch (RuntimeException e) {
            Value<Boolean> failed = Value.failed(OPERATION + " failed: " + Faults.describe(e));
            TYPES.forEach(type -> optIns.put(type, failed));
        }
        into.add(new BackupRegionSettings(region.origin(), OPERATION + "@" + region.origin().scope(),
                region.region(), optIns));
    }

    private static Value<Boolean> optIn(DescribeRegionSettingsResponse settings, String type) {
        if (!settings.hasResourceTypeOptInPreference()) {
            return Value.failed(OPERATION + " answered without ResourceTypeOptInPreference, which AWS always sends");
        }
        Boolean optIn = settings.resourceTypeOptInPreference().get(type);
        return optIn == null ? Value.failed(OPERATION + " did not list " + type + " among the resource types it opts in")
                : Value.known(optIn);
    }
}
