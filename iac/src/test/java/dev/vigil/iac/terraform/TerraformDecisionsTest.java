package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Value;
import dev.vigil.hcl.terraform.TerraformOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases real configurations use, decided as Terraform decides them: variable files in JSON, strings Terraform
 * converts to bool, values Terraform refuses (an error, never a verdict), splat and {@code for} expressions in
 * backup selections, the expansion cap, and inputs that were not read.
 */
class TerraformDecisionsTest {

    private static final String ARN = TerraformMapper.rdsArnPrefix(null, null);

    private static TerraformScan scan(Path dir, TerraformOptions options) {
        return new TerraformScanner(options).load(List.of(dir));
    }

    private static TerraformScan scan(Path dir) {
        return scan(dir, TerraformOptions.defaults());
    }

    private static Map<String, Value<PitrStatus>> pitr(TerraformScan scan) {
        return scan.inventory().all(DynamoDbTable.class).stream()
                .collect(Collectors.toMap(DynamoDbTable::id, DynamoDbTable::pointInTimeRecovery));
    }

    private static final String TABLE_FROM_VARIABLE = """
            variable "pitr" {
              type    = bool
              default = false
            }
            resource "aws_dynamodb_table" "t" {
              name = "t"
              point_in_time_recovery {
                enabled = var.pitr
              }
            }
            """;

    @Test
    void jsonVariableFilesAreReadAsTerraformReadsThem(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(dir.resolve("main.tf"), TABLE_FROM_VARIABLE);
        Files.writeString(dir.resolve("terraform.tfvars.json"), "{\"pitr\": true}");
        assertThat(pitr(scan(dir))).containsEntry("aws_dynamodb_table.t", Value.known(PitrStatus.ENABLED));

        Files.writeString(dir.resolve("b.auto.tfvars.json"), "{\"pitr\": false}");
        assertThat(pitr(scan(dir))).as("*.auto.tfvars.json after terraform.tfvars.json")
                .containsEntry("aws_dynamodb_table.t", Value.known(PitrStatus.DISABLED));

        Path given = tmp.resolve("prod.tfvars.json");
        Files.writeString(given, "{\"pitr\": \"true\"}");
        assertThat(pitr(scan(dir, TerraformOptions.defaults().withVarFile(given))))
                .as("--var-file x.tfvars.json is JSON, after the directory's files")
                .containsEntry("aws_dynamodb_table.t", Value.known(PitrStatus.ENABLED));
    }

    @Test
    void stringsTerraformConvertsToBoolAreDecidedAndOthersAreErrors(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("main.tf"), """
                resource "aws_dynamodb_table" "one" {
                  point_in_time_recovery { enabled = "1" }
                }
                resource "aws_dynamodb_table" "zero" {
                  point_in_time_recovery { enabled = "0" }
                }
                resource "aws_dynamodb_table" "upper" {
                  point_in_time_recovery { enabled = "TRUE" }
                }
                resource "aws_dynamodb_table" "number" {
                  point_in_time_recovery { enabled = 1 }
                }
                resource "aws_dynamodb_table" "twice" {
                  point_in_time_recovery { enabled = true }
                  point_in_time_recovery { enabled = false }
                }
                """);

        Map<String, Value<PitrStatus>> pitr = pitr(scan(tmp));

        assertThat(pitr).containsEntry("aws_dynamodb_table.one", Value.known(PitrStatus.ENABLED))
                .containsEntry("aws_dynamodb_table.zero", Value.known(PitrStatus.DISABLED))
                .containsEntry("aws_dynamodb_table.upper", Value.failed("point_in_time_recovery.enabled = \"TRUE\" "
                        + "is not a bool; Terraform converts only true, false, \"true\", \"false\", \"1\" and \"0\""))
                .containsEntry("aws_dynamodb_table.twice", Value.failed("point_in_time_recovery is given 2 times; "
                        + "the AWS provider allows it once"));
        assertThat(pitr.get("aws_dynamodb_table.number")).isInstanceOf(Value.Failed.class);
    }

    @Test
    void aVariableOfTypeBoolConvertsOneAndZero(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("main.tf"), TABLE_FROM_VARIABLE);
        assertThat(pitr(scan(tmp, TerraformOptions.defaults().withVariable("pitr", "1"))))
                .containsEntry("aws_dynamodb_table.t", Value.known(PitrStatus.ENABLED));
    }

    @Test
    void whatTerraformRefusesLeavesTheModuleWithoutVerdicts(@TempDir Path tmp) throws IOException {
        String table = "resource \"aws_dynamodb_table\" \"ok\" {\n  point_in_time_recovery { enabled = true }\n}\n";
        Map<String, String> cases = Map.of(
                "address", "resource \"aws_dynamodb_table\" \"ok\" {}\n",
                "locals", "locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n",
                "negative", "resource \"aws_s3_bucket\" \"b\" {\n  count = -1\n}\n",
                "fraction", "resource \"aws_s3_bucket\" \"b\" {\n  count = 1.5\n}\n",
                "text", "resource \"aws_s3_bucket\" \"b\" {\n  count = \"abc\"\n}\n");
        Map<String, String> why = Map.of(
                "address", "resource \"aws_dynamodb_table\" \"ok\" is declared twice (first at extra.tf:1)",
                "locals", "local value a is declared twice (first at extra.tf:2)",
                "negative", "count must not be negative, got -1",
                "fraction", "count must be a whole number, got 1.5",
                "text", "count must be a whole number, got \"abc\"");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path dir = Files.createDirectories(tmp.resolve(c.getKey()));
            Files.writeString(dir.resolve("main.tf"), table);
            Files.writeString(dir.resolve("extra.tf"), c.getValue());

            TerraformScan scan = scan(dir);

            assertThat(scan.inventory().size()).as(c.getKey()).isZero();
            assertThat(scan.inventory().faults()).as(c.getKey()).singleElement().extracting(Fault::message)
                    .asString().contains(why.get(c.getKey()))
                    .endsWith("; no check of " + dir + " can be decided");
        }
    }

    @Test
    void aPlanOfTheWrongShapeIsAnErrorOfThatPlan(@TempDir Path tmp) throws IOException {
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, """
                {"format_version": "1.2", "planned_values": {"root_module": {"resources": [
                  {"address": "aws_dynamodb_table.t", "mode": "managed", "type": "aws_dynamodb_table", "name": "t",
                   "values": 5}]}}}
                """);

        TerraformScan scan = scan(plan);

        assertThat(scan.inventory().size()).isZero();
        assertThat(scan.inventory().faults()).extracting(Fault::operation, Fault::message).containsExactly(
                org.assertj.core.api.Assertions.tuple("terraform:plan", plan + ": line 2: \"values\" of "
                        + "aws_dynamodb_table.t is number, not an object"));
    }

    @Test
    void aCountAboveTheCapIsUnknownAndSaysTheCap(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("main.tf"), "resource \"aws_dynamodb_table\" \"t\" {\n  count = 10001\n}\n");

        assertThat(pitr(scan(tmp))).containsExactly(Map.entry("aws_dynamodb_table.t", Value.unknown(
                "count = 10001 is more than the 10000 instances a static scan expands")));
    }

    @Test
    void aVariablesFileThatDoesNotParseOrASkippedOverrideLeavesTheModuleWithoutVerdicts(@TempDir Path tmp)
            throws IOException {
        Path tfvars = Files.createDirectories(tmp.resolve("tfvars"));
        Files.writeString(tfvars.resolve("main.tf"), TABLE_FROM_VARIABLE.replace("false", "true"));
        Files.writeString(tfvars.resolve("terraform.tfvars"), "pitr = \n");
        Path override = Files.createDirectories(tmp.resolve("override"));
        Files.writeString(override.resolve("main.tf"), TABLE_FROM_VARIABLE.replace("false", "true"));
        Files.writeString(override.resolve("override.tf"), "variable \"pitr\" {\n  default = false\n}\n");

        TerraformScan scan = new TerraformScanner(TerraformOptions.defaults()).load(List.of(tfvars, override));

        assertThat(scan.inventory().all(DynamoDbTable.class)).as("no table passes on the default").isEmpty();
        assertThat(scan.inventory().faults()).extracting(Fault::operation, f -> f.origin().scope())
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("terraform:parse_error", tfvars.toString()),
                        org.assertj.core.api.Assertions.tuple("terraform:override_file_skipped", override.toString()));
        assertThat(scan.inventory().faults()).extracting(Fault::message).anySatisfy(m -> assertThat(m)
                .startsWith(tfvars.resolve("terraform.tfvars") + ":1:8: does not parse: "));
    }

    private static final String DATABASES = """
            resource "aws_db_instance" "counted" {
              count      = 2
              identifier = "counted-${count.index}"
            }
            resource "aws_db_instance" "keyed" {
              for_each   = toset(["a", "b"])
              identifier = "keyed-${each.key}"
            }
            """;

    @Test
    void splatAndForExpressionsInSelectionsResolveToEachInstance(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("main.tf"), DATABASES + """
                resource "aws_backup_selection" "splat" {
                  name      = "splat"
                  resources = aws_db_instance.counted[*].arn
                }
                resource "aws_backup_selection" "legacy" {
                  name      = "legacy"
                  resources = aws_db_instance.counted.*.arn
                }
                resource "aws_backup_selection" "for" {
                  name      = "for"
                  resources = [for d in aws_db_instance.keyed : d.arn]
                }
                resource "aws_backup_selection" "values" {
                  name      = "values"
                  resources = values(aws_db_instance.keyed)[*].arn
                }
                """);

        Map<String, List<Value<String>>> resources = scan(tmp).inventory().all(BackupSelection.class).stream()
                .collect(Collectors.toMap(BackupSelection::name, BackupSelection::resources));

        List<Value<String>> counted = List.of(Value.known(ARN + "counted-0"), Value.known(ARN + "counted-1"));
        List<Value<String>> keyed = List.of(Value.known(ARN + "keyed-a"), Value.known(ARN + "keyed-b"));
        assertThat(resources).containsExactlyInAnyOrderEntriesOf(Map.of("splat", counted, "legacy", counted,
                "for", keyed, "values", keyed));
    }

    @Test
    void theArnOfAnotherResourceTypeSelectsNoDatabaseInsteadOfStayingUnknown(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("main.tf"), DATABASES + """
                resource "aws_efs_file_system" "files" {}
                variable "extra" {}
                resource "aws_backup_selection" "other" {
                  name      = "other"
                  resources = [aws_efs_file_system.files.arn, aws_db_instance.counted[0].arn, var.extra]
                }
                """);

        BackupSelection selection = scan(tmp).inventory().all(BackupSelection.class).getFirst();

        assertThat(selection.resources()).containsExactly(Value.known("${aws_efs_file_system.files.arn}"),
                Value.known(ARN + "counted-0"), Value.unknown("var.extra"));
    }
}
