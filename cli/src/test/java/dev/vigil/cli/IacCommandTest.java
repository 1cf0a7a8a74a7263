package dev.vigil.cli;

import static dev.vigil.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.core.rule.Catalog;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code vigil iac} end to end on template fixtures: formats, exit codes, parse faults, suppression. */
class IacCommandTest {

    /** Relative to the module directory, where tests run, so reports show it as given. */
    private static final String DIR = "src/test/resources/iac";

    private static JsonNode json(Path report) throws Exception {
        return new ObjectMapper().readTree(Files.readString(report));
    }

    private static JsonNode check(JsonNode root, String resource) {
        for (JsonNode c : root.get("checks")) {
            if (c.get("resource").asText().equals(resource)) {
                return c;
            }
        }
        throw new AssertionError("no check for " + resource + " in " + root.get("checks"));
    }

    @Test
    void aRuleSettingChangesTheVerdictAndTheRemedyAndABadValueIsAUsageError(@TempDir Path tmp) throws Exception {
        Run byDefault = run("iac", DIR + "/redshift.yaml", "--rule", "RS-019");
        assertThat(byDefault.exit()).as(byDefault.err()).isEqualTo(Vigil.OK);

        Path report = tmp.resolve("r.json");
        Run stricter = run("iac", DIR + "/redshift.yaml", "--rule", "RS-019", "--setting",
                "RS-019.minimumRetentionPeriod=7", "--format", "json", "-o", report.toString());
        assertThat(stricter.exit()).as(stricter.err()).isEqualTo(Vigil.FAILURES);
        JsonNode warehouse = check(json(report), "Warehouse");
        assertThat(warehouse.get("message").asText())
                .isEqualTo("Automated snapshot retention period is 3 days, less than 7 days");
        assertThat(warehouse.get("retentionDays").asLong()).isEqualTo(3);
        assertThat(warehouse.at("/remedy/days").asText()).isEqualTo("7");

        Run outOfBounds = run("iac", DIR + "/redshift.yaml", "--setting", "RS-019.minimumRetentionPeriod=40");
        assertThat(outOfBounds.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(outOfBounds.err().strip())
                .isEqualTo("vigil: RS-019.minimumRetentionPeriod must be between 1 and 35, not 40");
    }

    @Test
    void htmlAndOcsfDescribeTemplatesToo(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("r.html");
        Run r = run("iac", DIR + "/mixed.yaml", "--rule", "DynamoDB-003", "--format", "html", "-o", html.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Vigil report — templates",
                "DynamoDB-003 DynamoDB Continuous Backups", "Sessions", DIR + "/mixed.yaml:11", "Suppressed (1)",
                "rebuilt nightly from S3", "Why it matters");

        Path ocsf = tmp.resolve("r.ocsf.json");
        r = run("iac", DIR + "/mixed.yaml", "--rule", "DynamoDB-003", "--format", "ocsf", "-o", ocsf.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
        JsonNode findings = json(ocsf);
        assertThat(findings.findValuesAsText("class_uid")).isNotEmpty().containsOnly("2003");
        assertThat(findings.findValuesAsText("status_code")).contains("FAILURE", "SUCCESS", "UNKNOWN");
    }

    @Test
    void jsonNamesLogicalIdsWithFileAndLineAndMarksSuppressions(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("r.json");
        Run r = run("iac", DIR + "/mixed.yaml", "--rule", "DynamoDB-003", "--format", "json", "-o", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
        JsonNode root = json(report);
        JsonNode sessions = check(root, "Sessions");
        assertThat(sessions.get("status").asText()).isEqualTo("FAILURE");
        assertThat(sessions.get("file").asText()).isEqualTo(DIR + "/mixed.yaml");
        assertThat(sessions.get("line").asInt()).isEqualTo(11);
        assertThat(check(root, "Orders").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(check(root, "Audit").get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(check(root, "Cache").get("suppressed").asText()).isEqualTo("rebuilt nightly from S3");
        assertThat(sessions.has("suppressed")).isFalse();
        assertThat(root.at("/summary/suppressed").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/FAILURE").asInt()).isEqualTo(1);
    }

    @Test
    void onlySuppressedFailuresExitZero(@TempDir Path tmp) throws Exception {
        Path template = tmp.resolve("t.yaml");
        Files.writeString(template, """
                Resources:
                  Cache:   # vigil:skip=DynamoDB-003 rebuilt nightly
                    Type: AWS::DynamoDB::Table
                """);
        Run r = run("iac", template.toString(), "--rule", "DynamoDB-003", "--format", "json", "-o",
                tmp.resolve("r.json").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.OK);
        assertThat(check(json(tmp.resolve("r.json")), "Cache").get("status").asText()).isEqualTo("FAILURE");
    }

    @Test
    void parametersResolveUnknownValues(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("r.json");
        run("iac", DIR + "/mixed.yaml", "--param", "EnablePitr=true", "--format", "json", "-o", report.toString());
        assertThat(check(json(report), "Audit").get("status").asText()).isEqualTo("SUCCESS");
        run("iac", DIR + "/mixed.yaml", "--params-file", "src/test/resources/iac-params.json", "--param",
                "EnablePitr=false", "--format", "json", "-o", report.toString());
        assertThat(check(json(report), "Audit").get("status").asText()).as("--param wins over the file")
                .isEqualTo("FAILURE");
    }

    @Test
    void aTemplateThatDoesNotParseIsAnErrorAndTheOthersAreStillScanned(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("r.json");
        Run r = run("iac", DIR, "--format", "json", "-o", report.toString());
        assertThat(r.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode root = json(report);
        JsonNode error = root.get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo(DIR + "/broken.yaml");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("operation").asText()).isEqualTo("cloudformation:parse");
        assertThat(error.get("message").asText()).startsWith(DIR + "/broken.yaml:");
        assertThat(root.get("checks").findValuesAsText("status")).contains("ERROR");
        assertThat(check(root, "Ledger").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(check(root, "Sessions").get("status").asText()).isEqualTo("FAILURE");
    }

    @Test
    void failOnAboveTheFailingRiskExitsZeroAndACleanTemplateToo(@TempDir Path tmp) {
        String out = tmp.resolve("r.txt").toString();
        assertThat(run("iac", DIR + "/mixed.yaml", "--fail-on", "VERY_HIGH", "-o", out).exit()).isEqualTo(Vigil.OK);
        assertThat(run("iac", DIR + "/clean.json", "-o", out).exit()).isEqualTo(Vigil.OK);
    }

    @Test
    void sarifAndJunitComeFromTheSameScan(@TempDir Path tmp) throws Exception {
        Path sarif = tmp.resolve("r.sarif");
        assertThat(run("iac", DIR + "/mixed.yaml", "--format", "sarif", "-o", sarif.toString()).exit())
                .isEqualTo(Vigil.FAILURES);
        JsonNode run = json(sarif).at("/runs/0");
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).contains("DynamoDB-003", "Backup-001");
        assertThat(run.at("/tool/driver/rules/0/help/markdown").asText()).contains("## What it checks");
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(DIR + "/mixed.yaml");

        Path junit = tmp.resolve("r.xml");
        run("iac", DIR + "/mixed.yaml", "--rule", "DynamoDB-003", "--format", "junit", "-o", junit.toString());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(2);
    }

    @Test
    void usageFaultsAreOneLineAndExitTwo(@TempDir Path tmp) {
        Run noPath = run("iac");
        assertThat(noPath.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(noPath.err()).contains("PATH");
        Run badParam = run("iac", DIR, "--param", "novalue");
        assertThat(badParam.exit()).isEqualTo(Vigil.ERRORS);
        Run unknownRule = run("iac", DIR, "--rule", "Nope-1");
        assertThat(unknownRule.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(unknownRule.err()).contains("unknown rule ID 'Nope-1'");
        Run missingParams = run("iac", DIR, "--params-file", tmp.resolve("none.json").toString());
        assertThat(missingParams.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(missingParams.err().strip()).startsWith("vigil: cannot read --params-file").doesNotContain("\n");
        Run missingPath = run("iac", tmp.resolve("nowhere").toString(), "-o", tmp.resolve("r.txt").toString());
        assertThat(missingPath.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(missingPath.err().strip()).isEqualTo("vigil: no such file or directory: " + tmp.resolve("nowhere"));
    }

    @Test
    void aDirectoryWithoutTemplatesSaysSoAndExitsZero(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
        Run r = run("iac", tmp.toString(), "-o", tmp.resolve("r.txt").toString());
        assertThat(r.exit()).isEqualTo(Vigil.OK);
        assertThat(r.err()).isEqualTo("vigil: no CloudFormation templates found under " + tmp + "\n");
    }

    @Test
    void pathsUnderTheWorkingDirectoryAreShownRelativeToIt() {
        Path here = Path.of("/work/repo");
        assertThat(ShownPaths.shown(here, Path.of("/work/repo/infra/a.yaml"))).isEqualTo(Path.of("infra/a.yaml"));
        assertThat(ShownPaths.shown(here, Path.of("/work/repo"))).isEqualTo(Path.of(""));
        assertThat(ShownPaths.shown(here, Path.of("/elsewhere/a.yaml"))).isEqualTo(Path.of("/elsewhere/a.yaml"));
        assertThat(ShownPaths.shown(here, Path.of("/work/repository/a.yaml")))
                .isEqualTo(Path.of("/work/repository/a.yaml"));
    }

    @Test
    void terraformAndCloudFormationInOneRunWithAddressesVariablesAndSuppression(@TempDir Path tmp) throws Exception {
        String dir = "src/test/resources/iac-terraform";
        Path report = tmp.resolve("r.json");
        Run r = run("iac", dir, "--format", "json", "-o", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
        JsonNode root = json(report);
        JsonNode orders = check(root, "aws_dynamodb_table.orders");
        assertThat(orders.get("status").asText()).isEqualTo("FAILURE");
        assertThat(orders.get("file").asText()).isEqualTo(dir + "/main.tf");
        assertThat(orders.get("line").asInt()).isEqualTo(5);
        assertThat(check(root, "aws_dynamodb_table.cache").get("suppressed").asText())
                .isEqualTo("rebuilt nightly from S3");
        assertThat(check(root, "Sessions").get("status").asText()).isEqualTo("SUCCESS");

        // the variables decide DynamoDB-003 and Backup-001, the rules this configuration is written for
        assertThat(run("iac", dir, "--rule", "DynamoDB-003", "--rule", "Backup-001", "--var", "env=prod", "-o",
                tmp.resolve("r.txt").toString()).exit()).isEqualTo(Vigil.OK);
        assertThat(run("iac", dir, "--rule", "DynamoDB-003", "--rule", "Backup-001", "--var-file",
                "src/test/resources/iac-prod.tfvars", "-o", tmp.resolve("r.txt").toString()).exit()).isEqualTo(Vigil.OK);
        Run missing = run("iac", dir, "--var-file", tmp.resolve("none.tfvars").toString());
        assertThat(missing.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(missing.err()).contains("cannot read --var-file");
    }

    @Test
    void terraformThatDoesNotParseIsAnErrorWithItsPosition(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("main.tf"), "resource \"aws_dynamodb_table\" \"t\" {\n  name = \n}\n");
        Path report = tmp.resolve("r.json");
        Run r = run("iac", tmp.toString(), "--format", "json", "-o", report.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Vigil.ERRORS);
        assertThat(Files.readString(report)).contains(tmp.resolve("main.tf") + ":2:10: ");
    }

    @Test
    void everySourceAddsResourcesAndSuppressions() {
        Origin.Template origin = new Origin.Template("main.tf", 3, "main.tf");
        TemplateSource other = paths -> {
            Inventory inventory = new Inventory();
            inventory.add(new DynamoDbTable(origin, "aws_dynamodb_table.cache", "cache",
                    Value.known(PitrStatus.DISABLED), null));
            return new TemplateSource.Loaded(inventory, List.of("main.tf"),
                    (scope, resource, rule) -> resource.equals("aws_dynamodb_table.cache")
                            ? Optional.of("cache") : Optional.empty());
        };
        TemplateSource.Loaded loaded = IacCommand.load(List.of(new CloudFormationSource(
                CloudFormationOptions.defaults(), null), other), List.of(Path.of(DIR, "mixed.yaml")));
        assertThat(loaded.templates()).containsExactly(DIR + "/mixed.yaml", "main.tf");
        ScanResult result = IacCommand.evaluate(loaded, null, Catalog.load().select(List.of("DynamoDB-003")));
        assertThat(result.checkList()).extracting(Check::resource)
                .contains("Sessions", "Cache", "aws_dynamodb_table.cache");
        Check cache = result.checkList().stream().filter(c -> c.resource().equals("aws_dynamodb_table.cache"))
                .findFirst().orElseThrow();
        assertThat(cache.status()).isEqualTo(Status.FAILURE);
        assertThat(cache.suppression()).isEqualTo("cache");
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhy(@TempDir Path tmp) {
        Run r = run("iac", DIR + "/clean.json", "-o", "/proc/nope/x.json");
        assertThat(r.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(r.err()).isEqualTo("vigil: cannot write the report to /proc/nope/x.json: no such directory: "
                + "/proc/nope\n");
    }

    @Test
    void errorsOfTheJvmAreOneLineAndExitTwo() {
        for (Error error : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError(),
                new NoClassDefFoundError("x/Y"))) {
            java.io.StringWriter err = new java.io.StringWriter();
            @picocli.CommandLine.Command(name = "boom")
            class Boom implements java.util.concurrent.Callable<Integer> {
                @Override
                public Integer call() {
                    throw error;
                }
            }
            int exit = Vigil.execute(new picocli.CommandLine(new Boom()), new String[0],
                    new java.io.PrintWriter(err, true));
            assertThat(exit).isEqualTo(Vigil.ERRORS);
            assertThat(err.toString()).startsWith("vigil: ").doesNotContain("\tat ").hasLineCount(1);
        }
    }

    @Test
    void aBrokenVariablesFileMakesEveryCheckOfItsModuleAnError(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("main.tf"), """
                resource "aws_dynamodb_table" "t" {
                  point_in_time_recovery { enabled = true }
                }
                """);
        Files.writeString(tmp.resolve("terraform.tfvars"), "x = \n");
        Path report = tmp.resolve("r.json");

        Run r = run("iac", tmp.toString(), "--format", "json", "-o", report.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.ERRORS);
        JsonNode root = json(report);
        assertThat(root.get("checks").findValuesAsText("status")).containsOnly("ERROR").isNotEmpty();
        assertThat(root.get("checks").findValuesAsText("message")).allSatisfy(m -> assertThat(m)
                .startsWith(tmp.resolve("terraform.tfvars") + ":1:5: does not parse: "));
    }

    @Test
    void aSelectionIsNamedOnlyForTheInstancesItCouldConcern(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("main.tf"), """
                variable "extra" {}
                resource "aws_db_instance" "db" {
                  count      = 2
                  identifier = "db-${count.index}"
                }
                resource "aws_db_instance" "other" {
                  identifier = "other"
                }
                resource "aws_efs_file_system" "files" {}
                resource "aws_backup_selection" "splat" {
                  name      = "splat"
                  resources = aws_db_instance.db[*].arn
                }
                resource "aws_backup_selection" "files" {
                  name      = "files"
                  resources = [aws_efs_file_system.files.arn]
                }
                """);
        Path report = tmp.resolve("r.json");

        run("iac", tmp.toString(), "--rule", "Backup-001", "--format", "json", "-o", report.toString());

        JsonNode root = json(report);
        assertThat(check(root, "aws_db_instance.db[0]").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(check(root, "aws_db_instance.db[1]").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(check(root, "aws_db_instance.other").get("status").asText())
                .as("no selection could cover it: a failure, not UNKNOWN").isEqualTo("FAILURE");
    }

    @Test
    void aSamSimpleTableFailsWithTheFix(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("sam.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                """);
        Path report = tmp.resolve("r.json");

        Run r = run("iac", tmp.toString(), "--rule", "DynamoDB-003", "--format", "json", "-o", report.toString());

        assertThat(r.exit()).isEqualTo(Vigil.FAILURES);
        assertThat(check(json(report), "Sessions").get("message").asText()).isEqualTo("Point-in-time recovery is "
                + "not enabled: an AWS::Serverless::SimpleTable cannot enable it; declare the table as "
                + "AWS::DynamoDB::Table with PointInTimeRecoverySpecification");
    }

    @Test
    void modulesOutsideTheScannedPathAreReadInsideTheRepositoryOrTheGivenRoot(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path module = Files.createDirectories(repo.resolve("modules/table"));
        Files.writeString(module.resolve("main.tf"), "resource \"aws_dynamodb_table\" \"t\" {}\n");
        Path prod = Files.createDirectories(repo.resolve("envs/prod"));
        Files.writeString(prod.resolve("main.tf"), "module \"t\" {\n  source = \"../../modules/table\"\n}\n");
        Path report = tmp.resolve("r.json");

        Run alone = run("iac", prod.toString(), "--format", "json", "-o", report.toString());
        assertThat(alone.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(json(report).get("errors").findValuesAsText("operation"))
                .containsExactly("terraform:module_outside_scanned_tree");

        Run rooted = run("iac", prod.toString(), "--root", repo.toString(), "--format", "json", "-o",
                report.toString());
        assertThat(rooted.exit()).as(rooted.err()).isEqualTo(Vigil.FAILURES);
        assertThat(check(json(report), "module.t.aws_dynamodb_table.t").get("file").asText())
                .isEqualTo(module.resolve("main.tf").toString());

        Files.createDirectories(repo.resolve(".git"));
        assertThat(run("iac", prod.toString(), "-o", report.toString()).exit())
                .as("the repository's top is the default").isEqualTo(Vigil.FAILURES);

        Run outside = run("iac", prod.toString(), "--root", module.toString());
        assertThat(outside.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(outside.err()).isEqualTo("vigil: " + prod + " is not inside --root " + module + "\n");
    }

    @Test
    void aSettingGivenOnTheCommandLineDecidesTheBackupPlanLifecycle(@TempDir Path tmp) throws Exception {
        Path template = tmp.resolve("plan.yaml");
        Files.writeString(template, """
                Resources:
                  Plan:
                    Type: AWS::Backup::BackupPlan
                    Properties:
                      BackupPlan:
                        BackupPlanName: daily
                        BackupPlanRule:
                          - RuleName: daily
                            TargetBackupVault: Default
                            Lifecycle:
                              MoveToColdStorageAfterDays: 30
                              DeleteAfterDays: 120
                """);
        Path any = tmp.resolve("any.json");
        Run r = run("iac", template.toString(), "--rule", "Vigil-Backup-002", "--format", "json", "-o", any.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.OK);
        assertThat(check(json(any), "Plan").get("status").asText()).isEqualTo("SUCCESS");

        Path year = tmp.resolve("year.json");
        r = run("iac", template.toString(), "--rule", "Vigil-Backup-002", "--setting",
                "Vigil-Backup-002.deleteAfterDays=365", "--format", "json", "-o", year.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
        assertThat(check(json(year), "Plan").get("message").asText())
                .isEqualTo("rule daily sets DeleteAfterDays 120, not 365");
    }
}
