package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.AccessPolicy;
import dev.vigil.core.model.BackupPlan;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleConfig;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.iac.cloudformation.CloudFormationLoader;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import dev.vigil.report.remedy.Emitter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What 'vigil fix --emit cloudformation' writes is a template the loader reads and the same rule passes. */
class EmittedCloudFormationTest {

    private static final String ACCOUNT = "111122223333";
    private static final RuleDefinition PITR = Catalog.load().find("DynamoDB-003");
    private static final RuleDefinition BACKUP = Catalog.load().find("Backup-001");

    /** The checks of {@code rule} on {@code live}, every one a FAILURE. */
    static List<Check> failing(RuleDefinition rule, Inventory live) {
        List<Check> checks = Engine.evaluate(ACCOUNT, List.of(rule), live).checkList();
        assertThat(checks).extracting(Check::status).containsOnly(Status.FAILURE);
        return checks;
    }

    private static ScanResult scanEmitted(String file, String yaml, String region, RuleDefinition rule) {
        CloudFormationLoader loader = new CloudFormationLoader(CloudFormationOptions.defaults().withRegion(region)
                .withAccountId(ACCOUNT));
        Inventory inventory = loader.load(file, yaml).inventory();
        assertThat(inventory.faults()).isEmpty();
        return Engine.evaluate(null, List.of(rule), inventory);
    }

    @Test
    void emittedTablesPassDynamoDb003InEveryRegion() {
        Inventory live = new Inventory();
        live.add(new DynamoDbTable(new Origin.Live(ACCOUNT, "us-east-1"), "arn:aws:dynamodb:us-east-1:" + ACCOUNT
                + ":table/orders", "orders", Value.known(PitrStatus.DISABLED), null));
        live.add(new DynamoDbTable(new Origin.Live(ACCOUNT, "eu-west-1"), "arn:aws:dynamodb:eu-west-1:" + ACCOUNT
                + ":table/audit-log", "audit-log", Value.known(PitrStatus.DISABLED), null));
        String yaml = Emitter.CLOUDFORMATION.render(failing(PITR, live), "vigil-rds-daily");

        String[] perRegion = yaml.split("(?m)^---\n");
        assertThat(perRegion).hasSize(2);
        ScanResult euWest = scanEmitted("eu-west-1.yaml", perRegion[0], "eu-west-1", PITR);
        ScanResult usEast = scanEmitted("us-east-1.yaml", perRegion[1], "us-east-1", PITR);
        assertThat(euWest.checkList()).extracting(Check::resource, Check::resourceName, Check::status)
                .containsExactly(tuple("AuditLogTable", "audit-log", Status.SUCCESS));
        assertThat(usEast.checkList()).extracting(Check::resource, Check::resourceName, Check::status)
                .containsExactly(tuple("OrdersTable", "orders", Status.SUCCESS));
    }

    @Test
    void emittedBackupPlanAndSelectionProtectTheInstancesBackup001Named() {
        String arn = "arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:orders-db";
        Inventory live = new Inventory();
        live.add(new RdsInstance(new Origin.Live(ACCOUNT, "eu-west-1"), arn, "orders-db", arn, "postgres", null,
                null, Map.of(), Value.known(1L), Value.known(false), Value.known(false)));
        String yaml = Emitter.CLOUDFORMATION.render(failing(BACKUP, live), "vigil-rds-daily")
                // the instance as its own template declares it, beside the emitted plan and selection
                + "  OrdersDb:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
                + "      DBInstanceIdentifier: orders-db\n      Engine: postgres\n";
        ScanResult result = scanEmitted("backup.yaml", yaml, "eu-west-1", BACKUP);
        assertThat(result.checkList()).extracting(Check::resource, Check::status)
                .containsExactly(tuple("OrdersDb", Status.SUCCESS));
        assertThat(result.checkList().getFirst().message()).contains("vigil-rds-daily");
    }

    @Test
    void anEmittedRetentionPassesRds003() {
        RuleDefinition retention = Catalog.load().find("RDS-003");
        String arn = "arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:orders-db";
        Inventory live = new Inventory();
        live.add(new RdsInstance(new Origin.Live(ACCOUNT, "eu-west-1"), arn, "orders-db", arn, "postgres", null,
                null, Map.of(), Value.known(1L), Value.known(false), Value.known(false)));
        String yaml = Emitter.CLOUDFORMATION.render(failing(retention, live), "vigil-rds-daily");
        assertThat(yaml).contains("BackupRetentionPeriod: '7'");
        ScanResult result = scanEmitted("retention.yaml", yaml, "eu-west-1", retention);
        assertThat(result.checkList()).extracting(Check::resourceName, Check::status)
                .containsExactly(tuple("orders-db", Status.SUCCESS));
    }

    @Test
    void emittedTableVaultAndPlanFixesPassTheirRules() {
        String region = "us-east-1";
        Inventory live = new Inventory();
        live.add(new DynamoDbTable(new Origin.Live(ACCOUNT, region), "arn:aws:dynamodb:us-east-1:" + ACCOUNT
                + ":table/orders", "orders", Value.known(PitrStatus.ENABLED), null)
                .with(Value.known(EncryptionKey.AWS_OWNED), Value.known(false)));
        String vault = "arn:aws:backup:us-east-1:" + ACCOUNT + ":backup-vault:backups";
        live.add(new BackupVault(new Origin.Live(ACCOUNT, region), vault, "backups", vault,
                Value.failed("not read"), Value.known(AccessPolicy.NONE)));
        String plan = "arn:aws:backup:us-east-1:" + ACCOUNT + ":backup-plan:plan-1";
        live.add(new BackupPlan(new Origin.Live(ACCOUNT, region), plan, "daily", plan, Value.known(List.of(
                new BackupPlan.BackupRule("daily", Value.known(35L), Value.known(BackupPlan.BackupRule.NEVER))))));
        RuleDefinition protection = Catalog.load().find("Vigil-DynamoDB-001");
        RuleDefinition policy = Catalog.load().find("Backup-002");
        RuleDefinition lifecycle = Catalog.load().find("Vigil-Backup-002").configure(RuleConfig.DEFAULT
                .withSetting("moveToColdStorageAfterDays", "30").withSetting("deleteAfterDays", "365"));
        List<Check> checks = new java.util.ArrayList<>(failing(protection, live));
        checks.addAll(failing(policy, live));
        checks.addAll(failing(lifecycle, live));
        String yaml = Emitter.CLOUDFORMATION.render(checks, "vigil-rds-daily");

        assertThat(scanEmitted("fixes.yaml", yaml, region, protection).checkList())
                .extracting(Check::resource, Check::resourceName, Check::status)
                .containsExactly(tuple("OrdersTable", "orders", Status.SUCCESS));
        assertThat(scanEmitted("fixes.yaml", yaml, region, policy).checkList())
                .extracting(Check::resource, Check::resourceName, Check::status)
                .containsExactly(tuple("BackupsBackupVault", "backups", Status.SUCCESS));
        // the plan's name sits in BackupPlan.BackupPlanName, and its rules' lifecycle beside it
        assertThat(scanEmitted("fixes.yaml", yaml, region, lifecycle).checkList())
                .extracting(Check::resource, Check::resourceName, Check::status)
                .containsExactly(tuple("DailyBackupPlan", "daily", Status.SUCCESS));
    }
}
