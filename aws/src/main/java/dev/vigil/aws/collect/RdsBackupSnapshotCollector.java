package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsSnapshot;
import dev.vigil.core.model.Resource;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;

/**
 * Snapshots AWS Backup made of DB instances. DescribeDBSnapshots returns only automated and manual
 * snapshots unless {@code SnapshotType=awsbackup} is asked for, so it is asked for explicitly — and the
 * type is checked again on each result rather than trusted.
 */
public final class RdsBackupSnapshotCollector implements Collector {

    static final String AWS_BACKUP = "awsbackup";
    private static final Pages<DescribeDbSnapshotsResponse, DBSnapshot> PAGES = new Pages<>("rds:DescribeDBSnapshots",
            "DBSnapshots", DescribeDbSnapshotsResponse::hasDbSnapshots, DescribeDbSnapshotsResponse::dbSnapshots,
            DescribeDbSnapshotsResponse::marker);

    @Override
    public Class<? extends Resource> kind() {
        return RdsSnapshot.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of("rds:DescribeDBSnapshots");
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        for (DBSnapshot s : PAGES.all(client.describeDBSnapshotsPaginator(r -> r.snapshotType(AWS_BACKUP).maxRecords(100)))) {
            if (AWS_BACKUP.equalsIgnoreCase(s.snapshotType()) && s.dbInstanceIdentifier() != null) {
                into.add(new RdsSnapshot(region.origin(), s.dbSnapshotArn(), s.dbSnapshotIdentifier(),
                        s.dbInstanceIdentifier(), AWS_BACKUP));
            }
        }
    }
}
