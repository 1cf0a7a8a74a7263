package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.TagCondition;
import dev.vigil.core.model.TagCondition.Operator;
import dev.vigil.core.model.Value;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.Suppressions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformScannerTest {

    static final Path ROOT = Path.of("src/test/resources/terraform");
    private static final String ARN = TerraformMapper.rdsArnPrefix(null, null);

    static TerraformScan scan(TerraformOptions options, Path... paths) {
        return new TerraformScanner(options).load(List.of(paths));
    }

    static <T extends Resource> Map<String, T> byId(TerraformScan scan, Class<T> kind) {
        return scan.inventory().all(kind).stream().collect(Collectors.toMap(Resource::id, Function.identity()));
    }

    private static Map<String, Value<PitrStatus>> pitr(TerraformScan scan) {
        return scan.inventory().all(DynamoDbTable.class).stream()
                .collect(Collectors.toMap(DynamoDbTable::id, DynamoDbTable::pointInTimeRecovery));
    }

    @Test
    void tablesHaveTerraformAddressesAndEvaluatedPitr() {
        TerraformScan scan = scan(TerraformOptions.defaults(), ROOT.resolve("dynamodb"));

        assertThat(pitr(scan)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("aws_dynamodb_table.each[\"users\"]", Value.known(PitrStatus.ENABLED)),
                Map.entry("aws_dynamodb_table.each[\"orders\"]", Value.known(PitrStatus.DISABLED)),
                Map.entry("aws_dynamodb_table.counted[0]", Value.known(PitrStatus.ENABLED)),
                Map.entry("aws_dynamodb_table.counted[1]", Value.known(PitrStatus.DISABLED)),
                Map.entry("aws_dynamodb_table.conditional", Value.known(PitrStatus.DISABLED)),
                Map.entry("aws_dynamodb_table.from_tfvars", Value.known(PitrStatus.ENABLED)),
                Map.entry("aws_dynamodb_table.unresolved", Value.unknown("data.aws_ssm_parameter.pitr.value")),
                Map.entry("aws_dynamodb_table.dynamic", Value.known(PitrStatus.ENABLED)),
                Map.entry("aws_dynamodb_table.dynamic.replica[\"eu-west-1\"]", Value.known(PitrStatus.ENABLED)),
                Map.entry("aws_dynamodb_table.dynamic.replica[\"us-west-2\"]", Value.known(PitrStatus.DISABLED)),
                Map.entry("aws_dynamodb_table.cache", Value.known(PitrStatus.DISABLED))));
        DynamoDbTable users = byId(scan, DynamoDbTable.class).get("aws_dynamodb_table.each[\"users\"]");
        assertThat(users.name()).isEqualTo("dev-users");
        Path file = ROOT.resolve("dynamodb/main.tf");
        assertThat(users.origin())
                .isEqualTo(new Origin.Template(file.toString(), 18, ROOT.resolve("dynamodb").toString()));
        assertThat(byId(scan, DynamoDbTable.class).get("aws_dynamodb_table.counted[0]").recoveryPeriodDays())
                .isEqualTo(7);
        assertThat(scan.inventory().faults()).isEmpty();
        assertThat(scan.configurations()).containsExactly(ROOT.resolve("dynamodb").toString());
    }

    @Test
    void variablesAndVariableFilesOverrideDefaultsAndTfvars(@TempDir Path tmp) throws IOException {
        Path varFile = Files.writeString(tmp.resolve("prod.tfvars"), "pitr = false\ntables = [\"audit\"]\n");
        TerraformScan scan = scan(TerraformOptions.defaults().withVarFile(varFile).withVariable("env", "prod"),
                ROOT.resolve("dynamodb"));

        assertThat(pitr(scan)).containsEntry("aws_dynamodb_table.from_tfvars", Value.known(PitrStatus.DISABLED))
                .containsEntry("aws_dynamodb_table.conditional", Value.known(PitrStatus.ENABLED))
                .containsEntry("aws_dynamodb_table.dynamic", Value.known(PitrStatus.DISABLED))
                .containsEntry("aws_dynamodb_table.each[\"audit\"]", Value.known(PitrStatus.DISABLED))
                .doesNotContainKey("aws_dynamodb_table.each[\"users\"]");
        assertThat(byId(scan, DynamoDbTable.class).get("aws_dynamodb_table.each[\"audit\"]").name())
                .isEqualTo("prod-audit");
    }

    @Test
    void suppressionCommentsKeyTheAddress() {
        TerraformScan scan = scan(TerraformOptions.defaults(), ROOT.resolve("dynamodb"));

        assertThat(scan.suppressions().asMap()).isEqualTo(Map.of(
                new Suppressions.Key(ROOT.resolve("dynamodb").toString(), "aws_dynamodb_table.cache"),
                Map.of("DynamoDB-003", "rebuilt nightly from S3")));
    }

    @Test
    void databaseInstancesIncludingTwoLevelsOfLocalModules() {
        TerraformScan scan = scan(TerraformOptions.defaults(), ROOT.resolve("backup"));
        Map<String, RdsInstance> instances = byId(scan, RdsInstance.class);

        assertThat(instances).containsOnlyKeys("aws_db_instance.main", "aws_db_instance.replica",
                "aws_db_instance.tagged[0]", "aws_db_instance.tagged[1]", "aws_db_instance.wild",
                "aws_db_instance.excluded", "aws_db_instance.conditioned", "aws_db_instance.unprotected",
                "aws_rds_cluster_instance.member", "module.database.module.inner.aws_db_instance.this");
        RdsInstance main = instances.get("aws_db_instance.main");
        assertThat(main.name()).isEqualTo("orders");
        assertThat(main.arn()).isEqualTo(ARN + "orders");
        assertThat(main.engine()).isEqualTo("postgres");
        assertThat(instances.get("aws_db_instance.replica").replicaSource()).isEqualTo("orders");
        assertThat(instances.get("aws_db_instance.tagged[0]").tags()).isEqualTo(Map.of("backup", "daily"));
        assertThat(instances.get("aws_rds_cluster_instance.member").isClusterMember()).isTrue();
        RdsInstance inner = instances.get("module.database.module.inner.aws_db_instance.this");
        assertThat(inner.name()).isEqualTo("inventory-db");
        assertThat(inner.origin()).isEqualTo(new Origin.Template(
                ROOT.resolve("backup/modules/database/inner/main.tf").toString(), 5,
                ROOT.resolve("backup").toString()));
        assertThat(scan.configurations()).as("modules are scanned through their caller")
                .containsExactly(ROOT.resolve("backup").toString());
    }

    @Test
    void selectionsByReferenceWildcardTagConditionAndExclusion() {
        Map<String, BackupSelection> selections = byId(scan(TerraformOptions.defaults(), ROOT.resolve("backup")),
                BackupSelection.class);

        BackupSelection byReference = selections.get("aws_backup_selection.by_reference");
        assertThat(byReference.name()).isEqualTo("by-reference");
        assertThat(byReference.planName()).isEqualTo("daily");
        assertThat(byReference.resources()).containsExactly(Value.known(ARN + "orders"),
                Value.known(ARN + "inventory-db"));
        assertThat(selections.get("aws_backup_selection.by_tag").listOfTags())
                .containsExactly(new TagCondition(Operator.STRING_EQUALS, "backup", "daily"));
        BackupSelection wildcard = selections.get("aws_backup_selection.by_wildcard");
        assertThat(wildcard.resources()).containsExactly(Value.known("arn:aws:rds:*:*:db:reports-*"));
        assertThat(wildcard.notResources()).containsExactly(Value.known("arn:aws:rds:*:*:db:reports-scratch"));
        assertThat(selections.get("aws_backup_selection.by_condition").conditions())
                .containsExactly(new TagCondition(Operator.STRING_EQUALS, "tier", "gold"));
    }

    @Test
    void unresolvedExpansionAndSelectionEntriesAreUnknownOrFaultsNeverGuessed() {
        Path dir = ROOT.resolve("unknown-count");
        TerraformScan scan = scan(TerraformOptions.defaults(), dir);

        assertThat(pitr(scan)).isEqualTo(Map.of("aws_dynamodb_table.maybe", Value.unknown("var.create")));
        assertThat(scan.inventory().all(RdsInstance.class)).isEmpty();
        assertThat(scan.inventory().faults()).singleElement().satisfies(f -> {
            assertThat(f.operation()).isEqualTo("terraform:expand");
            assertThat(f.kinds()).containsExactly(RdsInstance.class);
            assertThat(f.message()).isEqualTo(dir.resolve("main.tf") + ":10: aws_db_instance.maybe: "
                    + "count/for_each cannot be resolved: var.create");
        });
        assertThat(byId(scan, BackupSelection.class).get("aws_backup_selection.sel").resources())
                .containsExactly(Value.unknown("var.extra_arn"));
    }

    @Test
    void remoteModulesAreReportedNotScanned() {
        TerraformScan scan = scan(TerraformOptions.defaults(), ROOT.resolve("remote"));

        assertThat(pitr(scan)).isEqualTo(Map.of("aws_dynamodb_table.local", Value.known(PitrStatus.ENABLED)));
        assertThat(scan.inventory().faults()).extracting(Fault::operation, Fault::message).containsExactly(
                tuple("terraform:remote_module_not_scanned", ROOT.resolve("remote/main.tf") + ":1:1: module.tables: "
                        + "remote module not scanned (source \"terraform-aws-modules/dynamodb-table/aws\")"));
    }

    @Test
    void aFileThatDoesNotParseLeavesItsModuleUndecidedAndTheOthersAreScanned() {
        TerraformScan scan = scan(TerraformOptions.defaults(), ROOT.resolve("broken"), ROOT.resolve("dynamodb"));

        assertThat(pitr(scan)).as("good.tf could be changed by what bad.tf holds: no verdict for its module")
                .doesNotContainKey("aws_dynamodb_table.good").containsKey("aws_dynamodb_table.each[\"users\"]");
        assertThat(scan.inventory().faults()).filteredOn(f -> f.operation().equals("terraform:parse_error"))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo(ROOT.resolve("broken/bad.tf") + ":2:10: does not parse: "
                            + "expected an expression, found newline; no check of " + ROOT.resolve("broken")
                            + " can be decided");
                    assertThat(f.origin().scope()).isEqualTo(ROOT.resolve("broken").toString());
                    assertThat(f.kinds()).containsExactlyInAnyOrderElementsOf(TerraformMapper.KINDS);
                });
    }

    private static void writeLiteralArnSelection(Path tmp) throws IOException {
        Files.writeString(tmp.resolve("main.tf"), """
                resource "aws_db_instance" "db" {
                  count      = 0
                  identifier = "gone"
                }
                resource "aws_db_instance" "orders" {
                  identifier = "orders"
                }
                resource "aws_backup_selection" "s" {
                  name      = "s"
                  plan_id   = "p"
                  resources = ["arn:aws:rds:us-east-1:123456789012:db:orders", "arn:aws:rds:*:*:db:x"]
                }
                """);
    }

    @Test
    void countZeroYieldsNothingAndLiteralArnsOfOneRegionAreUnknown(@TempDir Path tmp) throws IOException {
        writeLiteralArnSelection(tmp);
        TerraformScan scan = scan(TerraformOptions.defaults(), tmp);

        assertThat(byId(scan, RdsInstance.class)).containsOnlyKeys("aws_db_instance.orders");
        assertThat(byId(scan, BackupSelection.class).get("aws_backup_selection.s").resources()).containsExactly(
                Value.unknown("arn:aws:rds:us-east-1:123456789012:db:orders (covers a DB instance or cluster of this "
                        + "configuration only if applied to that region and account)"),
                Value.known("arn:aws:rds:*:*:db:x"));
    }

    @Test
    void selectionsNameDbClustersByReferenceAsTheirMappingNamesThem(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("main.tf"), """
                resource "aws_rds_cluster" "orders" {
                  cluster_identifier = "Orders"
                  engine             = "aurora-mysql"
                }
                resource "aws_neptune_cluster" "graph" {
                }
                resource "aws_backup_selection" "s" {
                  name      = "s"
                  plan_id   = "p"
                  resources = [aws_rds_cluster.orders.arn, aws_neptune_cluster.graph.arn,
                               "arn:aws:rds:us-east-1:123456789012:cluster:orders"]
                }
                """);
        TerraformScan scan = scan(TerraformOptions.defaults(), tmp);

        Map<String, RdsCluster> clusters = byId(scan, RdsCluster.class);
        assertThat(clusters.get("aws_rds_cluster.orders").arn()).isEqualTo("arn:aws:rds:${region}:${account}:cluster:orders");
        assertThat(byId(scan, BackupSelection.class).get("aws_backup_selection.s").resources()).containsExactly(
                Value.known(clusters.get("aws_rds_cluster.orders").arn()),
                Value.known(clusters.get("aws_neptune_cluster.graph").arn()),
                Value.unknown("arn:aws:rds:us-east-1:123456789012:cluster:orders (covers a DB instance or cluster of "
                        + "this configuration only if applied to that region and account)"));
    }

    @Test
    void givenRegionAndAccountDbInstanceArnsAreReal(@TempDir Path tmp) throws IOException {
        writeLiteralArnSelection(tmp);
        TerraformScan scan = new TerraformScanner(TerraformOptions.defaults(), "us-east-1", "123456789012")
                .load(List.of(tmp));

        assertThat(byId(scan, RdsInstance.class).get("aws_db_instance.orders").arn())
                .isEqualTo("arn:aws:rds:us-east-1:123456789012:db:orders");
        assertThat(byId(scan, BackupSelection.class).get("aws_backup_selection.s").resources())
                .containsExactly(Value.known("arn:aws:rds:us-east-1:123456789012:db:orders"),
                        Value.known("arn:aws:rds:*:*:db:x"));
    }

    @Test
    void jsonConfigurationWithASkipCommentKey(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("main.tf.json"), """
                {"resource": {"aws_dynamodb_table": {"cache": {
                  "//": "vigil:skip=DynamoDB-003 rebuilt nightly",
                  "name": "cache",
                  "replica": [{"region_name": "eu-west-1", "point_in_time_recovery": true}]
                }}}}
                """);
        TerraformScan scan = scan(TerraformOptions.defaults(), tmp);

        assertThat(pitr(scan)).isEqualTo(Map.of("aws_dynamodb_table.cache", Value.known(PitrStatus.DISABLED),
                "aws_dynamodb_table.cache.replica[\"eu-west-1\"]", Value.known(PitrStatus.ENABLED)));
        assertThat(scan.suppressions().reason(tmp.toString(), "aws_dynamodb_table.cache.replica[\"eu-west-1\"]",
                "DynamoDB-003")).contains("rebuilt nightly");
    }
}
