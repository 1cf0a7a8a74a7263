package dev.vigil.aws.remediate;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.collect.RdsManualSnapshotCollector;
import dev.vigil.core.remedy.BackUpTable;
import dev.vigil.core.remedy.EnableBucketVersioning;
import dev.vigil.core.remedy.EnableClusterCopyTagsToSnapshot;
import dev.vigil.core.remedy.EnableClusterDeletionProtection;
import dev.vigil.core.remedy.EnableCopyTagsToSnapshot;
import dev.vigil.core.remedy.EnableInstanceDeletionProtection;
import dev.vigil.core.remedy.EnableTableDeletionProtection;
import dev.vigil.core.remedy.MakeDbClusterSnapshotPrivate;
import dev.vigil.core.remedy.MakeDbSnapshotPrivate;
import dev.vigil.core.remedy.MakeSnapshotPrivate;
import dev.vigil.core.remedy.RaiseBackupRetention;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.remedy.SetCacheClusterSnapshotRetention;
import dev.vigil.core.remedy.SetDocumentDbBackupRetention;
import dev.vigil.core.remedy.SetNeptuneBackupRetention;
import dev.vigil.core.remedy.SetRedshiftSnapshotRetention;
import dev.vigil.core.remedy.SetReplicationGroupSnapshotRetention;
import dev.vigil.core.remedy.SnapshotVolume;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.ModifyDbClusterRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The live side of remedies that set properties of one resource ({@code @PropertyFix}): how to read the current
 * value (to confirm the plan) and how to set it. One entry per remedy type; a remedy without an entry has no live
 * fix, only the emitted forms. Only non-destructive, reversible changes belong here. None of them asks AWS to apply
 * immediately: that would also apply whatever else is waiting for the resource's maintenance window.
 */
final class PropertyActions {

    /**
     * What planning read: the value as text, e.g. {@code DeletionProtection=false}, whether the fix is in place, and
     * why it cannot be made as things are now (null when it can).
     */
    record State(String before, boolean inPlace, String blocked) {

        State(String before, boolean inPlace) {
            this(before, inPlace, null);
        }
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

    private static final Map<Class<?>, Action<?>> ACTIONS = List.<Action<?>>of(
                    clusterFlag(EnableClusterDeletionProtection.class, "DeletionProtection",
                            EnableClusterDeletionProtection::clusterId, DBCluster::deletionProtection,
                            ModifyDbClusterRequest.Builder::deletionProtection),
                    new PrivateSnapshot(), new VolumeSnapshot(),
                    // the RDS instance and snapshot family
                    new BackupRetention(),
                    instanceFlag(EnableCopyTagsToSnapshot.class, "CopyTagsToSnapshot", EnableCopyTagsToSnapshot::instanceId,
                            DBInstance::copyTagsToSnapshot, ModifyDbInstanceRequest.Builder::copyTagsToSnapshot),
                    instanceFlag(EnableInstanceDeletionProtection.class, "DeletionProtection",
                            EnableInstanceDeletionProtection::instanceId, DBInstance::deletionProtection,
                            ModifyDbInstanceRequest.Builder::deletionProtection),
                    new PrivateDbClusterSnapshot(), new PrivateDbSnapshot(),
                    // the S3 family
                    new BucketVersioning(),
                    // the DynamoDB family
                    new TableBackup(),
                    new Flag<>(EnableTableDeletionProtection.class, "dynamodb:UpdateTable", "DeletionProtectionEnabled",
                            (aws, region, r) -> dynamoDb(aws, region).describeTable(q -> q.tableName(r.tableName()))
                                    .table().deletionProtectionEnabled(),
                            (aws, region, r, on) -> dynamoDb(aws, region).updateTable(q -> q.tableName(r.tableName())
                                    .deletionProtectionEnabled(on)).tableDescription().deletionProtectionEnabled()),
                    // the cluster family
                    clusterFlag(EnableClusterCopyTagsToSnapshot.class, "CopyTagsToSnapshot",
                            EnableClusterCopyTagsToSnapshot::clusterId, DBCluster::copyTagsToSnapshot,
                            ModifyDbClusterRequest.Builder::copyTagsToSnapshot),
                    new Retention<>(SetCacheClusterSnapshotRetention.class, "elasticache:ModifyCacheCluster",
                            "SnapshotRetentionLimit", SetCacheClusterSnapshotRetention::days,
                            (aws, region, r) -> elastiCache(aws, region).describeCacheClusters(q -> q
                                    .cacheClusterId(r.cacheClusterId())).cacheClusters().getFirst()
                                    .snapshotRetentionLimit(),
                            (aws, region, r, days) -> elastiCache(aws, region).modifyCacheCluster(q -> q
                                    .cacheClusterId(r.cacheClusterId()).snapshotRetentionLimit(days))
                                    .cacheCluster().snapshotRetentionLimit()),
                    clusterRetention(SetDocumentDbBackupRetention.class, SetDocumentDbBackupRetention::clusterId,
                            SetDocumentDbBackupRetention::days),
                    clusterRetention(SetNeptuneBackupRetention.class, SetNeptuneBackupRetention::clusterId,
                            SetNeptuneBackupRetention::days),
                    new Retention<>(SetRedshiftSnapshotRetention.class, "redshift:ModifyCluster",
                            "AutomatedSnapshotRetentionPeriod", SetRedshiftSnapshotRetention::days,
                            (aws, region, r) -> redshift(aws, region).describeClusters(q -> q
                                    .clusterIdentifier(r.clusterId())).clusters().getFirst()
                                    .automatedSnapshotRetentionPeriod(),
                            (aws, region, r, days) -> redshift(aws, region).modifyCluster(q -> q
                                    .clusterIdentifier(r.clusterId()).automatedSnapshotRetentionPeriod(days))
                                    .cluster().automatedSnapshotRetentionPeriod()),
                    new Retention<>(SetReplicationGroupSnapshotRetention.class, "elasticache:ModifyReplicationGroup",
                            "SnapshotRetentionLimit", SetReplicationGroupSnapshotRetention::days,
                            (aws, region, r) -> elastiCache(aws, region).describeReplicationGroups(q -> q
                                    .replicationGroupId(r.replicationGroupId())).replicationGroups().getFirst()
                                    .snapshotRetentionLimit(),
                            (aws, region, r, days) -> elastiCache(aws, region).modifyReplicationGroup(q -> q
                                    .replicationGroupId(r.replicationGroupId()).snapshotRetentionLimit(days))
                                    .replicationGroup().snapshotRetentionLimit()))
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

    private static RedshiftClient redshift(AwsConnection aws, String region) {
        return aws.client(RedshiftClient::builder, region);
    }

    private static ElastiCacheClient elastiCache(AwsConnection aws, String region) {
        return aws.client(ElastiCacheClient::builder, region);
    }

    private static DynamoDbClient dynamoDb(AwsConnection aws, String region) {
        return aws.client(DynamoDbClient::builder, region);
    }

    private static DBCluster cluster(AwsConnection aws, String region, String id) {
        return rds(aws, region).describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().getFirst();
    }

    private static DBInstance instance(AwsConnection aws, String region, String id) {
        return rds(aws, region).describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().getFirst();
    }

    /**
     * A flag turned on: read to confirm the plan, set to true, and reported as AWS reports it afterwards. Every flag
     * here takes effect at once, without a restart, and can be turned off again: deletion protection (RDS-031, RDS-035,
     * Vigil-DynamoDB-001), copying tags to snapshots (RDS-026, RDS-042).
     */
    private record Flag<R extends Remedy>(Class<R> type, String iamAction, String field, Reader<R, Boolean> reader,
                                          Writer<R, Boolean> writer) implements Action<R> {

        @Override
        public State read(AwsConnection aws, String region, R remedy) {
            boolean on = Boolean.TRUE.equals(reader.read(aws, region, remedy));
            return new State(field + "=" + on, on);
        }

        @Override
        public String apply(AwsConnection aws, String region, R remedy) {
            return field + "=" + writer.write(aws, region, remedy, true);
        }
    }

    /** A DB cluster's flag set with ModifyDBCluster: RDS-035's deletion protection, RDS-042's copy tags to snapshots. */
    private static <R extends Remedy> Flag<R> clusterFlag(Class<R> type, String field, Function<R, String> clusterId,
                                                          Function<DBCluster, Boolean> get,
                                                          BiConsumer<ModifyDbClusterRequest.Builder, Boolean> set) {
        return new Flag<>(type, "rds:ModifyDBCluster", field,
                (aws, region, r) -> get.apply(cluster(aws, region, clusterId.apply(r))),
                (aws, region, r, on) -> get.apply(rds(aws, region).modifyDBCluster(q -> {
                    q.dbClusterIdentifier(clusterId.apply(r));
                    set.accept(q, on);
                }).dbCluster()));
    }

    /** A DB instance's flag set with ModifyDBInstance: RDS-031's deletion protection, RDS-026's copy tags to snapshots. */
    private static <R extends Remedy> Flag<R> instanceFlag(Class<R> type, String field, Function<R, String> instanceId,
                                                           Function<DBInstance, Boolean> get,
                                                           BiConsumer<ModifyDbInstanceRequest.Builder, Boolean> set) {
        return new Flag<>(type, "rds:ModifyDBInstance", field,
                (aws, region, r) -> get.apply(instance(aws, region, instanceId.apply(r))),
                (aws, region, r, on) -> get.apply(rds(aws, region).modifyDBInstance(q -> {
                    q.dbInstanceIdentifier(instanceId.apply(r));
                    set.accept(q, on);
                }).dbInstance()));
    }

    /** Reads the value a remedy is about (null when AWS does not say). */
    @FunctionalInterface
    interface Reader<R, T> {
        T read(AwsConnection aws, String region, R remedy);
    }

    /** Sets the value a remedy is about; returns it as AWS reports it afterwards. */
    @FunctionalInterface
    interface Writer<R, T> {
        T write(AwsConnection aws, String region, R remedy, T value);
    }

    /**
     * A "keep backups N days" remedy: in place when the retention is already N or more (a longer one is never
     * lowered), applied by setting exactly N. Raising a retention period restarts nothing and can be undone.
     */
    private record Retention<R extends Remedy>(Class<R> type, String iamAction, String field, Function<R, String> days,
                                               Reader<R, Integer> reader, Writer<R, Integer> writer)
            implements Action<R> {

        @Override
        public State read(AwsConnection aws, String region, R remedy) {
            Integer now = reader.read(aws, region, remedy);
            return new State(field + "=" + now, now != null && now >= Integer.parseInt(days.apply(remedy)));
        }

        @Override
        public String apply(AwsConnection aws, String region, R remedy) {
            return field + "=" + writer.write(aws, region, remedy, Integer.parseInt(days.apply(remedy)));
        }
    }

    /** DocumentDB and Neptune clusters: their backup retention is read and set through the RDS API. */
    private static <R extends Remedy> Retention<R> clusterRetention(Class<R> type, Function<R, String> clusterId,
                                                                  Function<R, String> days) {
        return new Retention<>(type, "rds:ModifyDBCluster", "BackupRetentionPeriod", days,
                (aws, region, r) -> cluster(aws, region, clusterId.apply(r)).backupRetentionPeriod(),
                (aws, region, r, n) -> rds(aws, region).modifyDBCluster(q -> q.dbClusterIdentifier(clusterId.apply(r))
                        .backupRetentionPeriod(n)).dbCluster().backupRetentionPeriod());
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

    /**
     * RDS-003: from one retention of automated backups to a longer one RDS applies the change as soon as it can,
     * without an outage, so the call does not ask for the instance's pending changes to be applied at once. An instance
     * whose backups are off when the plan is made is blocked: turning them on causes an outage (RDS-002, plan-only).
     */
    private static final class BackupRetention implements Action<RaiseBackupRetention> {
        @Override
        public Class<RaiseBackupRetention> type() {
            return RaiseBackupRetention.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBInstance";
        }

        @Override
        public State read(AwsConnection aws, String region, RaiseBackupRetention remedy) {
            int days = instance(aws, region, remedy.instanceId()).backupRetentionPeriod();
            String before = "BackupRetentionPeriod=" + days;
            return days == 0 ? new State(before, false, "automated backups are off, and turning them on causes an "
                    + "outage; that is RDS-002's fix, which Vigil leaves to you (see 'vigil explain RDS-002')")
                    : new State(before, days >= Integer.parseInt(remedy.days()));
        }

        @Override
        public String apply(AwsConnection aws, String region, RaiseBackupRetention remedy) {
            DBInstance after = rds(aws, region).modifyDBInstance(r -> r.dbInstanceIdentifier(remedy.instanceId())
                    .backupRetentionPeriod(Integer.parseInt(remedy.days()))).dbInstance();
            Integer pending = after.pendingModifiedValues() == null ? null
                    : after.pendingModifiedValues().backupRetentionPeriod();
            return pending != null ? "BackupRetentionPeriod=" + pending + " (pending)"
                    : "BackupRetentionPeriod=" + after.backupRetentionPeriod();
        }
    }

    /** A snapshot's visibility, as planning and the audit log show it. */
    private static String visibility(boolean open) {
        return "public=" + open;
    }

    /**
     * RDS-023: removing {@code all} from a manual DB snapshot's {@code restore} attribute takes effect at once, keeps
     * the accounts it was shared with by ID, and is undone by adding {@code all} back.
     */
    private static final class PrivateDbSnapshot implements Action<MakeDbSnapshotPrivate> {
        @Override
        public Class<MakeDbSnapshotPrivate> type() {
            return MakeDbSnapshotPrivate.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBSnapshotAttribute";
        }

        @Override
        public State read(AwsConnection aws, String region, MakeDbSnapshotPrivate remedy) {
            boolean open = open(rds(aws, region).describeDBSnapshotAttributes(
                    r -> r.dbSnapshotIdentifier(remedy.snapshotId())).dbSnapshotAttributesResult());
            return new State(visibility(open), !open);
        }

        @Override
        public String apply(AwsConnection aws, String region, MakeDbSnapshotPrivate remedy) {
            return visibility(open(rds(aws, region).modifyDBSnapshotAttribute(r -> r
                    .dbSnapshotIdentifier(remedy.snapshotId()).attributeName(RdsManualSnapshotCollector.RESTORE)
                    .valuesToRemove(RdsManualSnapshotCollector.EVERYBODY)).dbSnapshotAttributesResult()));
        }

        private static boolean open(DBSnapshotAttributesResult result) {
            return result.dbSnapshotAttributes().stream()
                    .anyMatch(a -> RdsManualSnapshotCollector.everybody(a.attributeName(), a.attributeValues()));
        }
    }

    /** RDS-023 for a manual DB cluster snapshot, as {@link PrivateDbSnapshot}. */
    private static final class PrivateDbClusterSnapshot implements Action<MakeDbClusterSnapshotPrivate> {
        @Override
        public Class<MakeDbClusterSnapshotPrivate> type() {
            return MakeDbClusterSnapshotPrivate.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBClusterSnapshotAttribute";
        }

        @Override
        public State read(AwsConnection aws, String region, MakeDbClusterSnapshotPrivate remedy) {
            boolean open = open(rds(aws, region).describeDBClusterSnapshotAttributes(
                    r -> r.dbClusterSnapshotIdentifier(remedy.snapshotId())).dbClusterSnapshotAttributesResult());
            return new State(visibility(open), !open);
        }

        @Override
        public String apply(AwsConnection aws, String region, MakeDbClusterSnapshotPrivate remedy) {
            return visibility(open(rds(aws, region).modifyDBClusterSnapshotAttribute(r -> r
                    .dbClusterSnapshotIdentifier(remedy.snapshotId()).attributeName(RdsManualSnapshotCollector.RESTORE)
                    .valuesToRemove(RdsManualSnapshotCollector.EVERYBODY)).dbClusterSnapshotAttributesResult()));
        }

        private static boolean open(DBClusterSnapshotAttributesResult result) {
            return result.dbClusterSnapshotAttributes().stream()
                    .anyMatch(a -> RdsManualSnapshotCollector.everybody(a.attributeName(), a.attributeValues()));
        }
    }

    /**
     * S3-012: PutBucketVersioning Status=Enabled keeps every object and takes effect at once; it can be suspended again
     * (never fully undone, see the rule's article). The bucket's current state is read back as the result.
     */
    private static final class BucketVersioning implements Action<EnableBucketVersioning> {
        @Override
        public Class<EnableBucketVersioning> type() {
            return EnableBucketVersioning.class;
        }

        @Override
        public String iamAction() {
            return "s3:PutBucketVersioning";
        }

        @Override
        public State read(AwsConnection aws, String region, EnableBucketVersioning remedy) {
            String status = status(aws.client(S3Client::builder, region), remedy.bucketName());
            return new State("Status=" + status, status.equals("Enabled"));
        }

        @Override
        public String apply(AwsConnection aws, String region, EnableBucketVersioning remedy) {
            S3Client s3 = aws.client(S3Client::builder, region);
            s3.putBucketVersioning(r -> r.bucket(remedy.bucketName())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            return "Status=" + status(s3, remedy.bucketName());
        }

        /** S3 leaves Status out for a bucket that was never versioned. */
        private static String status(S3Client s3, String bucket) {
            String status = s3.getBucketVersioning(r -> r.bucket(bucket)).statusAsString();
            return status == null ? "Unversioned" : status;
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
