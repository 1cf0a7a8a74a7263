package dev.vigil.cli;

import static dev.vigil.cli.EmittedCloudFormationTest.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.AccessPolicy;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.Value;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.terraform.TerraformScanner;
import dev.vigil.report.remedy.Emitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What 'vigil fix --emit terraform' writes is a configuration the Terraform loader reads and the same rule passes. */
class EmittedTerraformTest {

    private static final String ACCOUNT = "111122223333";
    private static final RuleDefinition PITR = Catalog.load().find("DynamoDB-003");
    private static final RuleDefinition BACKUP = Catalog.load().find("Backup-001");

    private static ScanResult scanEmitted(Path dir, String tf, String region, RuleDefinition rule) throws IOException {
        Files.writeString(dir.resolve("main.tf"), tf);
        Inventory inventory = new TerraformScanner(TerraformOptions.defaults(), region, ACCOUNT).load(List.of(dir))
                .inventory();
        assertThat(inventory.faults()).isEmpty();
        return Engine.evaluate(null, List.of(rule), inventory);
    }

    @Test
    void emittedTablesPassDynamoDb003(@TempDir Path dir) throws IOException {
        Inventory live = new Inventory();
        live.add(new DynamoDbTable(new Origin.Live(ACCOUNT, "us-east-1"), "arn:aws:dynamodb:us-east-1:" + ACCOUNT
                + ":table/orders", "orders", Value.known(PitrStatus.DISABLED), null));
        live.add(new DynamoDbTable(new Origin.Live(ACCOUNT, "eu-west-1"), "arn:aws:dynamodb:eu-west-1:" + ACCOUNT
                + ":table/audit-log", "audit-log", Value.known(PitrStatus.DISABLED), null));
        String tf = Emitter.TERRAFORM.render(failing(PITR, live), "vigil-rds-daily");

        ScanResult result = scanEmitted(dir, tf, null, PITR);
        assertThat(result.checkList()).extracting(Check::resource, Check::resourceName, Check::status)
                .containsExactlyInAnyOrder(tuple("aws_dynamodb_table.orders", "orders", Status.SUCCESS),
                        tuple("aws_dynamodb_table.audit-log", "audit-log", Status.SUCCESS));
    }

    @Test
    void emittedBackupPlanAndSelectionProtectTheInstancesBackup001Named(@TempDir Path dir) throws IOException {
        String arn = "arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:orders-db";
        Inventory live = new Inventory();
        live.add(new RdsInstance(new Origin.Live(ACCOUNT, "eu-west-1"), arn, "orders-db", arn, "postgres", null,
                null, Map.of(), Value.known(1L), Value.known(false), Value.known(false)));
        String tf = Emitter.TERRAFORM.render(failing(BACKUP, live), "vigil-rds-daily")
                // the instance as its own configuration declares it, beside the emitted plan and selection
                + "\nresource \"aws_db_instance\" \"orders\" {\n  identifier = \"orders-db\"\n"
                + "  engine = \"postgres\"\n}\n";

        ScanResult result = scanEmitted(dir, tf, "eu-west-1", BACKUP);
        assertThat(result.checkList()).extracting(Check::resource, Check::status)
                .containsExactly(tuple("aws_db_instance.orders", Status.SUCCESS));
        assertThat(result.checkList().getFirst().message()).contains("vigil-rds-daily");
    }

    @Test
    void anEmittedEncryptedCopyPassesEbs011(@TempDir Path dir) throws IOException {
        RuleDefinition encrypted = Catalog.load().find("EBS-011");
        Inventory live = new Inventory();
        live.add(new EbsSnapshot(new Origin.Live(ACCOUNT, "eu-west-1"), "arn:aws:ec2:eu-west-1::snapshot/snap-0a1b2c",
                "snap-0a1b2c", Value.known("vol-1"), Value.known(java.time.Instant.now()), Value.known("completed"),
                Value.known(false), Value.known(false), Map.of()));
        String tf = Emitter.TERRAFORM.render(failing(encrypted, live), "vigil-rds-daily");

        ScanResult result = scanEmitted(dir, tf, "eu-west-1", encrypted);
        assertThat(result.checkList()).extracting(Check::resource, Check::status)
                .containsExactly(tuple("aws_ebs_snapshot_copy.snap-0a1b2c", Status.SUCCESS));
    }

    @Test
    void emittedInstanceProtectionAndAnEmittedEncryptedDbSnapshotCopyPassRds031AndRds040(@TempDir Path dir)
            throws IOException {
        RuleDefinition protection = Catalog.load().find("RDS-031");
        String arn = "arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:orders-db";
        Inventory live = new Inventory();
        live.add(new RdsInstance(new Origin.Live(ACCOUNT, "eu-west-1"), arn, "orders-db", arn, "postgres", null,
                null, Map.of(), Value.known(7L), Value.known(true), Value.known(false)));
        ScanResult instance = scanEmitted(dir, Emitter.TERRAFORM.render(failing(protection, live), "vigil-rds-daily"),
                "eu-west-1", protection);
        assertThat(instance.checkList()).extracting(Check::resourceName, Check::status)
                .containsExactly(tuple("orders-db", Status.SUCCESS));

        RuleDefinition encrypted = Catalog.load().find("RDS-040");
        Inventory snapshots = new Inventory();
        snapshots.add(new RdsManualSnapshot(new Origin.Live(ACCOUNT, "eu-west-1"), "arn:aws:rds:eu-west-1:" + ACCOUNT
                + ":snapshot:orders-export", "orders-export", false, "postgres", Value.known(false),
                Value.known(false), Map.of()));
        ScanResult copy = scanEmitted(dir, Emitter.TERRAFORM.render(failing(encrypted, snapshots), "vigil-rds-daily"),
                "eu-west-1", encrypted);
        assertThat(copy.checkList()).extracting(Check::resourceName, Check::status)
                .containsExactly(tuple("orders-export-encrypted", Status.SUCCESS));
    }

    @Test
    void emittedDeletionProtectionAndVaultPolicyPassTheirRules(@TempDir Path dir) throws IOException {
        Inventory live = new Inventory();
        live.add(new DynamoDbTable(new Origin.Live(ACCOUNT, "eu-west-1"), "arn:aws:dynamodb:eu-west-1:" + ACCOUNT
                + ":table/orders", "orders", Value.known(PitrStatus.ENABLED), null)
                .with(Value.known(EncryptionKey.AWS_OWNED), Value.known(false)));
        String vault = "arn:aws:backup:eu-west-1:" + ACCOUNT + ":backup-vault:backups";
        live.add(new BackupVault(new Origin.Live(ACCOUNT, "eu-west-1"), vault, "backups", vault,
                Value.failed("not read"), Value.known(AccessPolicy.NONE)));
        RuleDefinition protection = Catalog.load().find("Vigil-DynamoDB-001");
        RuleDefinition policy = Catalog.load().find("Backup-002");
        List<Check> checks = new java.util.ArrayList<>(failing(protection, live));
        checks.addAll(failing(policy, live));
        String tf = Emitter.TERRAFORM.render(checks, "vigil-rds-daily")
                // the vault as its own configuration declares it: the emitted policy is a resource beside it
                + "\nresource \"aws_backup_vault\" \"backups\" {\n  name = \"backups\"\n}\n";

        assertThat(scanEmitted(dir, tf, null, protection).checkList())
                .extracting(Check::resource, Check::status)
                .containsExactly(tuple("aws_dynamodb_table.orders", Status.SUCCESS));
        assertThat(scanEmitted(dir, tf, null, policy).checkList())
                .extracting(Check::resource, Check::status)
                .containsExactly(tuple("aws_backup_vault.backups", Status.SUCCESS));
    }
}
