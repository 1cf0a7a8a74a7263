package dev.vigil.iac.terraform;

import static dev.vigil.iac.terraform.TerraformScannerTest.ROOT;
import static dev.vigil.iac.terraform.TerraformScannerTest.byId;
import static dev.vigil.iac.terraform.TerraformScannerTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import dev.vigil.hcl.terraform.TerraformOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan/plan.json} is what {@code terraform show -json} writes for {@code plan/config}. */
class PlanTest {

    private static final Path PLAN = ROOT.resolve("plan/plan.json");

    /** Every resource without its origin, which names the file it came from. */
    private static Map<String, String> withoutOrigins(TerraformScan scan) {
        return scan.inventory().all(Resource.class).stream().collect(Collectors.toMap(Resource::id,
                r -> r.toString().replace(r.origin().toString(), "")));
    }

    @Test
    void aPlanMapsToTheSameModelAsItsConfiguration() {
        TerraformScan plan = scan(TerraformOptions.defaults(), PLAN);
        TerraformScan configuration = scan(TerraformOptions.defaults(), ROOT.resolve("plan/config"));

        assertThat(withoutOrigins(plan)).isEqualTo(withoutOrigins(configuration)).containsOnlyKeys(
                "aws_dynamodb_table.users", "aws_dynamodb_table.events[0]", "aws_db_instance.main",
                "aws_db_instance.other", "aws_backup_selection.by_reference", "aws_backup_plan.daily");
        assertThat(plan.inventory().faults()).isEmpty();
        assertThat(plan.configurations()).containsExactly(PLAN.toString());
    }

    @Test
    void aPlanGivenAsTextLoadsAsTheSameFileWouldAndBrokenTextIsAFaultWithItsLine() throws IOException {
        TerraformScanner scanner = new TerraformScanner(TerraformOptions.defaults());
        TerraformScan text = scanner.loadPlan("plan.json", Files.readString(PLAN));
        assertThat(withoutOrigins(text)).isEqualTo(withoutOrigins(scan(TerraformOptions.defaults(), PLAN)));
        assertThat(byId(text, RdsInstance.class).get("aws_db_instance.main").origin())
                .isEqualTo(new Origin.Template("plan.json", 34, "plan.json"));

        TerraformScan broken = scanner.loadPlan("plan.json", "{\n  \"format_version\": \"1.2\",\n  \"planned_values\": oops\n}");
        assertThat(broken.inventory().all(Resource.class)).isEmpty();
        assertThat(broken.inventory().faults()).singleElement().satisfies(f -> {
            assertThat(f.operation()).isEqualTo("terraform:plan");
            assertThat(f.message()).startsWith("plan.json: ").contains("at line 3");
        });
        assertThat(scanner.loadPlan("plan.json", "{\"not\": \"a plan\"}").inventory().all(Resource.class)).isEmpty();
    }

    @Test
    void resourcesAreAtTheLineOfTheirAddressInPlannedValues() {
        TerraformScan plan = scan(TerraformOptions.defaults(), PLAN);

        assertThat(byId(plan, DynamoDbTable.class).get("aws_dynamodb_table.events[0]").origin())
                .isEqualTo(new Origin.Template(PLAN.toString(), 21, PLAN.toString()));
        assertThat(byId(plan, RdsInstance.class).get("aws_db_instance.main").origin())
                .isEqualTo(new Origin.Template(PLAN.toString(), 34, PLAN.toString()));
    }

    @Test
    void valuesKnownOnlyAfterApplyAreUnknownNamingTheAttribute(@TempDir Path tmp) throws IOException {
        Path plan = Files.writeString(tmp.resolve("plan.json"), Files.readString(PLAN)
                .replace("\"resources\": {\"references\": [\"aws_db_instance.main.arn\", \"aws_db_instance.main\"]}",
                        "\"resources\": {\"references\": [\"var.arns\"]}"));

        BackupSelection selection = byId(scan(TerraformOptions.defaults(), plan), BackupSelection.class)
                .get("aws_backup_selection.by_reference");
        assertThat(selection.resources()).containsExactly(dev.vigil.core.model.Value.unknown(
                "known after apply: aws_backup_selection.by_reference.resources"));
    }

    @Test
    void otherJsonIsNotAPlanAndABrokenPlanIsAFault(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("package.json"), "{\"name\": \"x\"}");
        Files.writeString(tmp.resolve("plan.json"), "{\"format_version\": \"1.2\", \"planned_values\": {");

        TerraformScan scan = scan(TerraformOptions.defaults(), tmp);
        assertThat(scan.inventory().size()).isZero();
        assertThat(scan.inventory().faults()).singleElement().satisfies(f -> {
            assertThat(f.operation()).isEqualTo("terraform:plan");
            assertThat(f.message()).startsWith(tmp.resolve("plan.json") + ": ");
        });
    }

    @Test
    void childModulesKeepTheirAddressesAndReferencesResolveInsideThem(@TempDir Path tmp) throws IOException {
        Path plan = Files.writeString(tmp.resolve("plan.json"), """
                {"format_version": "1.2", "planned_values": {"root_module": {"child_modules": [
                  {"address": "module.orders[\\"eu\\"]", "resources": [
                    {"address": "module.orders[\\"eu\\"].aws_db_instance.this", "mode": "managed",
                     "type": "aws_db_instance", "name": "this", "values": {"identifier": "orders-eu"}},
                    {"address": "module.orders[\\"eu\\"].aws_backup_selection.this", "mode": "managed",
                     "type": "aws_backup_selection", "name": "this", "values": {"name": "s"}},
                    {"address": "module.orders[\\"eu\\"].data.aws_region.current", "mode": "data",
                     "type": "aws_region", "name": "current", "values": {}}]}]}},
                 "resource_changes": [{"address": "module.orders[\\"eu\\"].aws_backup_selection.this",
                   "change": {"after_unknown": {"resources": [true]}}}],
                 "configuration": {"root_module": {"module_calls": {"orders": {"module": {"resources": [
                   {"address": "aws_backup_selection.this", "expressions": {"resources": {"references":
                     ["aws_db_instance.this.arn", "aws_db_instance.this"]}}}]}}}}}}
                """);

        TerraformScan scan = scan(TerraformOptions.defaults(), plan);
        assertThat(byId(scan, RdsInstance.class)).containsOnlyKeys("module.orders[\"eu\"].aws_db_instance.this");
        assertThat(byId(scan, BackupSelection.class).get("module.orders[\"eu\"].aws_backup_selection.this")
                .resources()).containsExactly(dev.vigil.core.model.Value.known(
                TerraformMapper.rdsArnPrefix(null, null) + "orders-eu"));
    }

    @Test
    void aClusterArnKnownOnlyAfterApplyStillNamesThatCluster(@TempDir Path tmp) throws IOException {
        Path plan = Files.writeString(tmp.resolve("plan.json"), """
                {"format_version": "1.2", "planned_values": {"root_module": {"resources": [
                    {"address": "aws_rds_cluster.orders", "mode": "managed", "type": "aws_rds_cluster",
                     "name": "orders", "values": {"cluster_identifier": "orders", "engine": "aurora-mysql"}},
                    {"address": "aws_backup_selection.s", "mode": "managed", "type": "aws_backup_selection",
                     "name": "s", "values": {"name": "s"}}]}},
                 "resource_changes": [{"address": "aws_backup_selection.s",
                   "change": {"after_unknown": {"resources": [true]}}}],
                 "configuration": {"root_module": {"resources": [{"address": "aws_backup_selection.s",
                   "expressions": {"resources": {"references": ["aws_rds_cluster.orders.arn", "aws_rds_cluster.orders"]}}}]}}}
                """);

        TerraformScan scan = scan(TerraformOptions.defaults(), plan);
        assertThat(byId(scan, BackupSelection.class).get("aws_backup_selection.s").resources())
                .containsExactly(dev.vigil.core.model.Value.known("arn:aws:rds:${region}:${account}:cluster:orders"));
    }
}
