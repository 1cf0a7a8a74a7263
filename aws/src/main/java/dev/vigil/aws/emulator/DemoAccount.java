package dev.vigil.aws.emulator;

import dev.vigil.aws.AwsConnection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Seeds an emulated account through the real SDK: the sample data {@code vigil demo} scans. */
public final class DemoAccount {

    /** Region → table name → PITR on. */
    public static final Map<String, Map<String, Boolean>> TABLES = Map.of(
            "us-east-1", Map.of("orders", true, "sessions", false, "audit-log", true),
            "eu-west-1", Map.of("customers", false, "invoices", true));

    /**
     * Region → tables made with deletion protection and encrypted with a customer managed KMS key of their own
     * (DynamoDB-004, Vigil-DynamoDB-001 pass); the other tables have neither.
     */
    public static final Map<String, List<String>> GUARDED_TABLES = Map.of("us-east-1", List.of("orders"));

    /** A PostgreSQL DB instance of the demo, with the settings the RDS instance rules judge. */
    public record Database(String name, boolean encrypted, int backupRetentionDays, boolean copyTagsToSnapshot,
                           boolean deletionProtection) {}

    /**
     * Region → DB instances; none is protected by AWS Backup. billing-db passes RDS-002, RDS-003, RDS-026 and
     * RDS-031, reporting-db (automated backups off) fails them all.
     */
    public static final Map<String, List<Database>> DATABASES = Map.of(
            "us-east-1", List.of(new Database("billing-db", true, 7, true, true)),
            "eu-west-1", List.of(new Database("reporting-db", false, 0, false, false)));

    /** A manual snapshot of a demo DB instance or DB cluster, and whether every AWS account may restore it. */
    public record DbSnapshot(String name, String source, boolean cluster, boolean everybody) {}

    /**
     * Region → manual RDS snapshots (RDS-023, RDS-040): an encrypted private one of billing-db, an unencrypted public
     * one of reporting-db, and an unencrypted private one of the analytics-aurora cluster.
     */
    public static final Map<String, List<DbSnapshot>> DB_SNAPSHOTS = Map.of(
            "us-east-1", List.of(new DbSnapshot("billing-db-before-upgrade", "billing-db", false, false),
                    new DbSnapshot("analytics-aurora-monthly", "analytics-aurora", true, false)),
            "eu-west-1", List.of(new DbSnapshot("reporting-db-export", "reporting-db", false, true)));

    /** A DB cluster of the RDS API as the demo seeds it. */
    public record DbCluster(String id, String engine, boolean deletionProtection, boolean copyTagsToSnapshot,
                            long backtrackWindowSeconds, int backupRetentionDays) {
    }

    /**
     * Region → DB clusters: for RDS-035 (deletion protection), RDS-034 (backtrack), RDS-042 (copy tags to
     * snapshots) and Neptune-003 (backup retention) each at least one that passes and one that fails. moto has no
     * DocumentDB engine. The Aurora clusters all fail Vigil-Backup-003: moto has no backup selections to assign one
     * (as for Backup-001's DB instances).
     */
    public static final Map<String, List<DbCluster>> CLUSTERS = Map.of("us-east-1", List.of(
            new DbCluster("orders-aurora", "aurora-postgresql", true, true, 0, 7),
            new DbCluster("analytics-aurora", "aurora-postgresql", false, false, 0, 7),
            new DbCluster("ledger-aurora", "aurora-mysql", true, true, 86_400, 7),
            new DbCluster("events-aurora", "aurora-mysql", true, true, 0, 7),
            new DbCluster("social-graph", "neptune", true, true, 0, 7),
            new DbCluster("recommendations-graph", "neptune", true, true, 0, 1)));

    /** Region → Redshift cluster identifier → automated snapshot retention days (RS-019). */
    public static final Map<String, Map<String, Integer>> REDSHIFT = Map.of(
            "us-east-1", Map.of("warehouse", 7, "scratch-warehouse", 0));

    /** Region → ElastiCache replication group → backup retention limit in days (Vigil-ElastiCache-001). */
    public static final Map<String, Map<String, Integer>> CACHES = Map.of(
            "us-east-1", Map.of("sessions", 5, "rate-limits", 0));

    /** Whether a demo volume gets a snapshot, and whether that snapshot is shared with everybody. */
    public enum Snapshot { NONE, PRIVATE, PUBLIC }

    /** An EBS volume of the demo, by its Name tag. */
    public record Disk(String name, boolean encrypted, Snapshot snapshot) {}

    /**
     * Region → EBS volumes: one without a snapshot (EBS-004), an encrypted and an unencrypted snapshot (EBS-011), the
     * latter public (EBS-009). moto dates every snapshot now, so none is too old (EBS-005 passes only).
     */
    public static final Map<String, List<Disk>> DISKS = Map.of("us-east-1", List.of(
            new Disk("orders-data", true, Snapshot.PRIVATE), new Disk("build-cache", false, Snapshot.NONE),
            new Disk("legacy-export", false, Snapshot.PUBLIC)));

    /** Rules the emulator cannot hold, with why: {@code vigil demo} leaves them out rather than show wrong results. */
    public static final Map<String, String> NOT_EMULATED = Map.of(
            "Backup-002", "moto has no backup vault access policies (GetBackupVaultAccessPolicy)",
            "DocumentDB-001", "moto has no DocumentDB engine (CreateDBCluster refuses docdb), so there is no cluster to judge",
            "EBS-009", "moto's DescribeSnapshots ignores RestorableByUserIds, so public and private snapshots look alike");

    /** Region → bucket name → its settings, one bucket passing and one failing each S3 rule moto can hold. */
    public static final Map<String, Map<String, BucketSettings>> BUCKETS = Map.of(
            "us-east-1", Map.of("vigil-demo-records", new BucketSettings(true, true, true),
                    "vigil-demo-scratch", new BucketSettings(false, false, false)),
            "eu-west-1", Map.of("vigil-demo-eu-media", new BucketSettings(true, false, false)));

    /**
     * What a demo bucket has: versioning on, one enabled lifecycle rule, Object Lock (MFA delete is left out: moto
     * neither keeps nor reports it).
     */
    public record BucketSettings(boolean versioning, boolean lifecycle, boolean objectLock) {
    }

    /** Region → tables with an on-demand backup (DynamoDB-005); the other tables have none. */
    public static final Map<String, List<String>> TABLE_BACKUPS = Map.of(
            "us-east-1", List.of("orders"),
            "eu-west-1", List.of("invoices"));

    /**
     * Where the demo's AWS Backup vaults and plans live: a region without DB instances or clusters, because moto has
     * backup plans but no backup selections, which Backup-001 and Vigil-Backup-003 read wherever they judge DB
     * instances or Aurora clusters.
     */
    public static final String BACKUP_REGION = "us-west-2";

    /** Vaults encrypted with a customer managed key (moto reports every KMS key as customer managed). */
    public static final List<String> VAULTS = List.of("backups-cmk");

    /** Backup plan name → whether its rule sets both lifecycle days (Vigil-Backup-002). */
    public static final Map<String, Boolean> PLANS = Map.of("daily-tiered", true, "weekly-forever", false);

    private DemoAccount() {
    }

    public static void seed(AwsConnection aws) {
        TABLES.forEach((region, tables) -> tables.forEach((name, pitr) -> createTable(
                aws.client(DynamoDbClient::builder, region), name, pitr,
                GUARDED_TABLES.getOrDefault(region, List.of()).contains(name)
                        ? aws.client(KmsClient::builder, region).createKey(r -> r.description("key of table " + name))
                        .keyMetadata().arn() : null)));
        DATABASES.forEach((region, dbs) -> dbs.forEach(
                db -> createDatabase(aws.client(RdsClient::builder, region), db)));
        seedClusters(aws);
        DB_SNAPSHOTS.forEach((region, snapshots) -> snapshots.forEach(
                snapshot -> createSnapshot(aws.client(RdsClient::builder, region), snapshot)));
        DISKS.forEach((region, disks) -> disks.forEach(disk -> createDisk(aws.client(Ec2Client::builder, region),
                region, disk)));
        BUCKETS.forEach((region, buckets) -> buckets.forEach(
                (name, settings) -> createBucket(aws.client(S3Client::builder, region), region, name, settings)));
        TABLE_BACKUPS.forEach((region, tables) -> tables.forEach(table -> aws.client(DynamoDbClient::builder, region)
                .createBackup(r -> r.tableName(table).backupName(table + "-demo"))));
        BackupClient backup = aws.client(BackupClient::builder, BACKUP_REGION);
        VAULTS.forEach(vault -> createVault(backup, aws.client(KmsClient::builder, BACKUP_REGION), vault));
        PLANS.forEach((plan, tiered) -> createPlan(backup, plan, tiered));
    }

    /** The cluster family: {@link #CLUSTERS}, {@link #REDSHIFT} and {@link #CACHES}. */
    public static void seedClusters(AwsConnection aws) {
        CLUSTERS.forEach((region, clusters) -> clusters.forEach(
                c -> createCluster(aws.client(RdsClient::builder, region), c)));
        REDSHIFT.forEach((region, clusters) -> clusters.forEach(
                (id, days) -> createRedshiftCluster(aws.client(RedshiftClient::builder, region), id, days)));
        CACHES.forEach((region, groups) -> groups.forEach(
                (id, days) -> createReplicationGroup(aws.client(ElastiCacheClient::builder, region), id, days)));
    }

    /** A backup vault encrypted with a new KMS key of its own. */
    public static void createVault(BackupClient backup, KmsClient kms, String name) {
        String key = kms.createKey(r -> r.description("key of backup vault " + name)).keyMetadata().arn();
        backup.createBackupVault(r -> r.backupVaultName(name).encryptionKeyArn(key));
    }

    /** A backup plan of one daily rule into the first vault; {@code tiered}: its lifecycle sets both numbers of days. */
    public static String createPlan(BackupClient backup, String name, boolean tiered) {
        return backup.createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName(name).rules(rule -> rule
                .ruleName("daily").targetBackupVaultName(VAULTS.getFirst()).scheduleExpression("cron(0 5 ? * * *)")
                .lifecycle(tiered ? l -> l.moveToColdStorageAfterDays(30L).deleteAfterDays(365L)
                        : l -> l.deleteAfterDays(35L))))).backupPlanId();
    }

    /** An EBS volume tagged with its name, and its snapshot as {@code disk} says; returns the volume ID. */
    public static String createDisk(Ec2Client ec2, String region, Disk disk) {
        String volumeId = ec2.createVolume(r -> r.availabilityZone(region + "a").size(8).encrypted(disk.encrypted())
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME)
                        .tags(software.amazon.awssdk.services.ec2.model.Tag.builder().key("Name").value(disk.name())
                                .build()))).volumeId();
        if (disk.snapshot() != Snapshot.NONE) {
            String snapshotId = ec2.createSnapshot(r -> r.volumeId(volumeId).description("demo " + disk.name()))
                    .snapshotId();
            if (disk.snapshot() == Snapshot.PUBLIC) {
                ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshotId)
                        .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION).operationType(OperationType.ADD)
                        .groupNames("all"));
            }
        }
        return volumeId;
    }

    /** A bucket in a region, with the settings given. */
    public static void createBucket(S3Client s3, String region, String name, BucketSettings settings) {
        s3.createBucket(r -> r.bucket(name).objectLockEnabledForBucket(settings.objectLock())
                .createBucketConfiguration(region.equals("us-east-1") ? null
                        : CreateBucketConfiguration.builder().locationConstraint(region).build()));
        if (settings.versioning()) {
            s3.putBucketVersioning(r -> r.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
        }
        if (settings.lifecycle()) {
            s3.putBucketLifecycleConfiguration(r -> r.bucket(name).lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED)
                            .filter(f -> f.prefix(""))
                            .transitions(t -> t.days(90).storageClass(TransitionStorageClass.GLACIER)).build())));
        }
    }

    public static void createTable(DynamoDbClient dynamo, String name, boolean pitr) {
        createTable(dynamo, name, pitr, null);
    }

    /** As above; with a {@code kmsKey}, encrypted with that key and protected from deletion. */
    public static void createTable(DynamoDbClient dynamo, String name, boolean pitr, String kmsKey) {
        dynamo.createTable(r -> {
            r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build());
            if (kmsKey != null) {
                r.sseSpecification(sse -> sse.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(kmsKey))
                        .deletionProtectionEnabled(true);
            }
        });
        if (pitr) {
            dynamo.updateContinuousBackups(r -> r.tableName(name)
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        }
    }

    /** An Aurora or Multi-AZ DB cluster with deletion protection as given. */
    public static void createCluster(RdsClient rds, String id, String engine, boolean deletionProtection) {
        createCluster(rds, new DbCluster(id, engine, deletionProtection, false, 0, 1));
    }

    public static void createCluster(RdsClient rds, DbCluster c) {
        rds.createDBCluster(r -> r.dbClusterIdentifier(c.id()).engine(c.engine()).masterUsername("admin")
                .masterUserPassword("demo-password-1").deletionProtection(c.deletionProtection())
                .copyTagsToSnapshot(c.copyTagsToSnapshot()).backupRetentionPeriod(c.backupRetentionDays())
                .backtrackWindow(c.backtrackWindowSeconds() > 0 ? c.backtrackWindowSeconds() : null));
    }

    /** A provisioned Redshift cluster keeping automated snapshots {@code days} days (0: none). */
    public static void createRedshiftCluster(RedshiftClient redshift, String id, int days) {
        redshift.createCluster(r -> r.clusterIdentifier(id).nodeType("ra3.xlplus").numberOfNodes(2)
                .masterUsername("admin").masterUserPassword("Demo-password-1").automatedSnapshotRetentionPeriod(days));
        if (days == 0) {
            // moto creates a cluster asked for 0 days with its default of 1; AWS keeps the 0, and so does ModifyCluster
            redshift.modifyCluster(r -> r.clusterIdentifier(id).automatedSnapshotRetentionPeriod(0));
        }
    }

    /** A Redis OSS replication group keeping automatic backups {@code days} days (0: none). */
    public static void createReplicationGroup(ElastiCacheClient elastiCache, String id, int days) {
        elastiCache.createReplicationGroup(r -> r.replicationGroupId(id).replicationGroupDescription(id).engine("redis")
                .cacheNodeType("cache.t4g.micro").numCacheClusters(2).snapshotRetentionLimit(days));
    }

    /** A PostgreSQL DB instance tagged team=data, with the settings {@code db} gives. */
    public static void createDatabase(RdsClient rds, Database db) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(db.name()).engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("demo-password-1")
                .storageEncrypted(db.encrypted()).backupRetentionPeriod(db.backupRetentionDays())
                .copyTagsToSnapshot(db.copyTagsToSnapshot()).deletionProtection(db.deletionProtection())
                .tags(Tag.builder().key("team").value("data").build()));
    }

    /** A manual DB snapshot or DB cluster snapshot, shared with every AWS account when {@code snapshot} says so. */
    public static void createSnapshot(RdsClient rds, DbSnapshot snapshot) {
        if (snapshot.cluster()) {
            rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier(snapshot.source())
                    .dbClusterSnapshotIdentifier(snapshot.name()));
            if (snapshot.everybody()) {
                rds.modifyDBClusterSnapshotAttribute(r -> r.dbClusterSnapshotIdentifier(snapshot.name())
                        .attributeName("restore").valuesToAdd("all"));
            }
        } else {
            rds.createDBSnapshot(r -> r.dbInstanceIdentifier(snapshot.source()).dbSnapshotIdentifier(snapshot.name()));
            if (snapshot.everybody()) {
                rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier(snapshot.name()).attributeName("restore")
                        .valuesToAdd("all"));
            }
        }
    }

    public static void createDatabase(RdsClient rds, String id, String engine, Map<String, String> tags) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine(engine).dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("demo-password-1")
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()));
    }
}
