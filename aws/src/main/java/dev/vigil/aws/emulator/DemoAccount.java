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
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

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

    /** Region → DB instance identifiers; none is protected by AWS Backup. */
    public static final Map<String, List<String>> DATABASES = Map.of(
            "us-east-1", List.of("billing-db"),
            "eu-west-1", List.of("reporting-db"));

    /** Region → DB cluster identifier → deletion protection on. */
    public static final Map<String, Map<String, Boolean>> CLUSTERS = Map.of(
            "us-east-1", Map.of("orders-aurora", true, "analytics-aurora", false));

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
            "EBS-009", "moto's DescribeSnapshots ignores RestorableByUserIds, so public and private snapshots look alike");

    /** Region → tables with an on-demand backup (DynamoDB-005); the other tables have none. */
    public static final Map<String, List<String>> TABLE_BACKUPS = Map.of(
            "us-east-1", List.of("orders"),
            "eu-west-1", List.of("invoices"));

    /**
     * Where the demo's AWS Backup vaults and plans live: a region without DB instances, because moto has backup plans
     * but no backup selections, which Backup-001 reads wherever it judges DB instances.
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
                db -> createDatabase(aws.client(RdsClient::builder, region), db, "postgres", Map.of("team", "data"))));
        CLUSTERS.forEach((region, clusters) -> clusters.forEach(
                (id, protect) -> createCluster(aws.client(RdsClient::builder, region), id, "aurora-postgresql", protect)));
        DISKS.forEach((region, disks) -> disks.forEach(disk -> createDisk(aws.client(Ec2Client::builder, region),
                region, disk)));
        TABLE_BACKUPS.forEach((region, tables) -> tables.forEach(table -> aws.client(DynamoDbClient::builder, region)
                .createBackup(r -> r.tableName(table).backupName(table + "-demo"))));
        BackupClient backup = aws.client(BackupClient::builder, BACKUP_REGION);
        VAULTS.forEach(vault -> createVault(backup, aws.client(KmsClient::builder, BACKUP_REGION), vault));
        PLANS.forEach((plan, tiered) -> createPlan(backup, plan, tiered));
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
        rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine(engine).masterUsername("admin")
                .masterUserPassword("demo-password-1").deletionProtection(deletionProtection));
    }

    public static void createDatabase(RdsClient rds, String id, String engine, Map<String, String> tags) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine(engine).dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("demo-password-1")
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()));
    }
}
