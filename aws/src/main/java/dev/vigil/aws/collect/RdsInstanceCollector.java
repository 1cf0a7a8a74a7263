package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * DB instances from DescribeDBInstances (paginated); tags and the backup and protection settings rules read come in the
 * same response, so every instance rule costs this one listing.
 */
public final class RdsInstanceCollector implements Collector {

    @Override
    public Class<? extends Resource> kind() {
        return RdsInstance.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of("rds:DescribeDBInstances");
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        List<DBInstance> instances = Faults.call("rds:DescribeDBInstances",
                () -> client.describeDBInstancesPaginator(r -> r.maxRecords(100)).dbInstances().stream().toList());
        for (DBInstance db : instances) {
            Map<String, String> tags = db.tagList().stream()
                    .filter(t -> t.key() != null && t.value() != null)
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
            into.add(new RdsInstance(region.origin(), db.dbInstanceArn(), db.dbInstanceIdentifier(),
                    db.dbInstanceArn(), db.engine(), db.dbClusterIdentifier(),
                    db.readReplicaSourceDBInstanceIdentifier(), tags,
                    Reported.value(db.backupRetentionPeriod() == null ? null : db.backupRetentionPeriod().longValue(),
                            "BackupRetentionPeriod"),
                    Reported.value(db.copyTagsToSnapshot(), "CopyTagsToSnapshot"),
                    Reported.value(db.deletionProtection(), "DeletionProtection")));
        }
    }
}
