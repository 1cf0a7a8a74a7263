package dev.vigil.aws.remediate;

import dev.vigil.aws.AwsConnection;
import dev.vigil.core.remedy.BackUpTable;
import dev.vigil.core.remedy.EnableClusterDeletionProtection;
import dev.vigil.core.remedy.EnableTableDeletionProtection;
import dev.vigil.core.remedy.MakeSnapshotPrivate;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.remedy.SnapshotVolume;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The live side of remedies that set properties of one resource ({@code @PropertyFix}): how to read the current
 * value (to confirm the plan) and how to set it. One entry per remedy type; a remedy without an entry has no live
 * fix, only the emitted forms. Only non-destructive, reversible changes belong here.
 */
final class PropertyActions {

    /** What planning read: the value as text, e.g. {@code DeletionProtection=false}, and whether the fix is in place. */
    record State(String before, boolean inPlace) {
    }

    /** Reads and sets what one remedy type is about, in one region. */
    interface Action<R extends Remedy> {
        Class<R> type();

        /** The IAM action that makes the change, e.g. {@code rds:ModifyDBCluster}. */
        String iamAction();

        State read(AwsConnection aws, String region, R remedy);

        /** Makes the change; returns the state after it, as {@link State#before()} writes it. */
        String apply(AwsConnection aws, String region, R remedy);
    }

    private static final Map<Class<?>, Action<?>> ACTIONS = List.<Action<?>>of(new ClusterDeletionProtection(),
                    new PrivateSnapshot(), new VolumeSnapshot(),
                    new TableBackup(), new TableDeletionProtection())
            .stream().collect(Collectors.toUnmodifiableMap(Action::type, a -> a));

    private PropertyActions() {
    }

    /** The action for a remedy's type, if it has a live fix. */
    @SuppressWarnings("unchecked")
    static <R extends Remedy> Optional<Action<R>> forRemedy(R remedy) {
        return Optional.ofNullable((Action<R>) ACTIONS.get(remedy.getClass()));
    }

    private static RdsClient rds(AwsConnection aws, String region) {
        return aws.client(RdsClient::builder, region);
    }

    private static Ec2Client ec2(AwsConnection aws, String region) {
        return aws.client(Ec2Client::builder, region);
    }

    private static DynamoDbClient dynamoDb(AwsConnection aws, String region) {
        return aws.client(DynamoDbClient::builder, region);
    }

    /** RDS-035: ModifyDBCluster DeletionProtection=true takes effect at once, without a restart. */
    private static final class ClusterDeletionProtection implements Action<EnableClusterDeletionProtection> {
        @Override
        public Class<EnableClusterDeletionProtection> type() {
            return EnableClusterDeletionProtection.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBCluster";
        }

        @Override
        public State read(AwsConnection aws, String region, EnableClusterDeletionProtection remedy) {
            boolean on = Boolean.TRUE.equals(rds(aws, region).describeDBClusters(r -> r.dbClusterIdentifier(
                    remedy.clusterId())).dbClusters().getFirst().deletionProtection());
            return new State("DeletionProtection=" + on, on);
        }

        @Override
        public String apply(AwsConnection aws, String region, EnableClusterDeletionProtection remedy) {
            return "DeletionProtection=" + rds(aws, region).modifyDBCluster(r -> r
                    .dbClusterIdentifier(remedy.clusterId()).deletionProtection(true)).dbCluster().deletionProtection();
        }
    }

    /**
     * EBS-009: removing the group {@code all} from the snapshot's createVolumePermission takes effect at once, keeps
     * every account it was shared with by name, and is undone by adding the group back.
     */
    private static final class PrivateSnapshot implements Action<MakeSnapshotPrivate> {
        @Override
        public Class<MakeSnapshotPrivate> type() {
            return MakeSnapshotPrivate.class;
        }

        @Override
        public String iamAction() {
            return "ec2:ModifySnapshotAttribute";
        }

        @Override
        public State read(AwsConnection aws, String region, MakeSnapshotPrivate remedy) {
            boolean open = ec2(aws, region).describeSnapshotAttribute(r -> r.snapshotId(remedy.snapshotId())
                            .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)).createVolumePermissions().stream()
                    .anyMatch(p -> p.group() == PermissionGroup.ALL);
            return new State("public=" + open, !open);
        }

        @Override
        public String apply(AwsConnection aws, String region, MakeSnapshotPrivate remedy) {
            ec2(aws, region).modifySnapshotAttribute(r -> r.snapshotId(remedy.snapshotId())
                    .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION).operationType(OperationType.REMOVE)
                    .groupNames("all"));
            return read(aws, region, remedy).before();
        }
    }

    /**
     * EBS-004: a snapshot of the volume, taken now. Nothing that exists changes, the snapshot can be deleted again (its
     * tag says who took it), and it costs only the storage of the volume's blocks. A snapshot started within the
     * rule's threshold means it is in place already (a second run takes no second snapshot).
     */
    private static final class VolumeSnapshot implements Action<SnapshotVolume> {
        static final String TAG_KEY = "vigil:fix";
        static final String TAG_VALUE = "EBS-004";

        @Override
        public Class<SnapshotVolume> type() {
            return SnapshotVolume.class;
        }

        @Override
        public String iamAction() {
            return "ec2:CreateSnapshot";
        }

        @Override
        public State read(AwsConnection aws, String region, SnapshotVolume remedy) {
            Optional<Snapshot> newest = ec2(aws, region).describeSnapshotsPaginator(r -> r.ownerIds("self")
                            .maxResults(1000).filters(f -> f.name("volume-id").values(remedy.volumeId()),
                                    f -> f.name("status").values("completed", "pending")))
                    .snapshots().stream().filter(s -> s.startTime() != null)
                    .max(Comparator.comparing(Snapshot::startTime));
            Instant cutoff = Instant.now().minus(Duration.ofDays(Long.parseLong(remedy.maxAgeDays())));
            return newest.map(s -> new State("newest snapshot " + s.snapshotId() + " started " + s.startTime(),
                    !s.startTime().isBefore(cutoff))).orElse(new State("no snapshot", false));
        }

        @Override
        public String apply(AwsConnection aws, String region, SnapshotVolume remedy) {
            CreateSnapshotResponse taken = ec2(aws, region).createSnapshot(r -> r.volumeId(remedy.volumeId())
                    .description("Taken by vigil fix for EBS-004")
                    .tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT)
                            .tags(Tag.builder().key(TAG_KEY).value(TAG_VALUE).build())));
            return "snapshot " + taken.snapshotId() + " started " + taken.startTime();
        }
    }

    /** Vigil-DynamoDB-001: UpdateTable DeletionProtectionEnabled=true takes effect at once and can be turned off again. */
    private static final class TableDeletionProtection implements Action<EnableTableDeletionProtection> {
        @Override
        public Class<EnableTableDeletionProtection> type() {
            return EnableTableDeletionProtection.class;
        }

        @Override
        public String iamAction() {
            return "dynamodb:UpdateTable";
        }

        @Override
        public State read(AwsConnection aws, String region, EnableTableDeletionProtection remedy) {
            boolean on = Boolean.TRUE.equals(dynamoDb(aws, region).describeTable(r -> r.tableName(remedy.tableName()))
                    .table().deletionProtectionEnabled());
            return new State("DeletionProtectionEnabled=" + on, on);
        }

        @Override
        public String apply(AwsConnection aws, String region, EnableTableDeletionProtection remedy) {
            return "DeletionProtectionEnabled=" + dynamoDb(aws, region).updateTable(r -> r
                    .tableName(remedy.tableName()).deletionProtectionEnabled(true)).tableDescription()
                    .deletionProtectionEnabled();
        }
    }

    /**
     * DynamoDB-005: CreateBackup adds a backup and changes nothing that exists (the backup can be deleted again); in
     * place when an on-demand backup was made within the rule's threshold.
     */
    private static final class TableBackup implements Action<BackUpTable> {

        static final String NAME = "vigil-DynamoDB-005";

        @Override
        public Class<BackUpTable> type() {
            return BackUpTable.class;
        }

        @Override
        public String iamAction() {
            return "dynamodb:CreateBackup";
        }

        @Override
        public State read(AwsConnection aws, String region, BackUpTable remedy) {
            Instant since = Instant.now().minus(Duration.ofDays(Long.parseLong(remedy.maxAgeDays())));
            Optional<BackupSummary> recent = dynamoDb(aws, region).listBackups(r -> r.tableName(remedy.tableName())
                            .backupType(BackupTypeFilter.ALL).timeRangeLowerBound(since)).backupSummaries().stream()
                    .filter(b -> b.backupType() != BackupType.SYSTEM && b.backupStatus() != BackupStatus.DELETED
                            && b.backupCreationDateTime() != null && !b.backupCreationDateTime().isBefore(since))
                    .max(Comparator.comparing(BackupSummary::backupCreationDateTime));
            return recent.map(b -> new State("newest backup " + b.backupName() + " made "
                    + b.backupCreationDateTime(), true))
                    .orElseGet(() -> new State("no backup within " + remedy.maxAgeDays() + " days", false));
        }

        @Override
        public String apply(AwsConnection aws, String region, BackUpTable remedy) {
            var made = dynamoDb(aws, region).createBackup(r -> r.tableName(remedy.tableName()).backupName(NAME))
                    .backupDetails();
            return "backup " + made.backupName() + " " + made.backupStatusAsString();
        }
    }
}
