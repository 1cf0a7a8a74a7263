package dev.vigil.cli;

import static dev.vigil.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.rule.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The command line end to end: parsing, exit codes, one-line errors, and a scan of a seeded emulator. */
class VigilCliTest {

    private static MotoServer moto;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
        moto = MotoServer.start(root.resolve(".vigil/venv"), root.resolve(".vigil/moto-cli-test.log"));
        try (AwsConnection aws = new AwsConnection(new AwsOptions(null, List.of(), moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")), RateLimits.aws()))) {
            DemoAccount.seed(aws);
        }
        // the CLI uses the default credential chain, which reads these system properties
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void stop() {
        moto.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void scanWritesTheJsonContractAndExitsOneOnFailures(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        Run r = run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--region", "eu-west-1", "--format", "json", "--output", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
        JsonNode root = new ObjectMapper().readTree(Files.readString(report));
        assertThat(root.get("account").asText()).isEqualTo("123456789012");
        List<JsonNode> checks = new java.util.ArrayList<>();
        root.get("checks").forEach(checks::add);
        assertThat(root.get("summary").get("total").asInt()).isEqualTo(checks.size());
        assertThat(root.get("summary").get("FAILURE").asInt())
                .isEqualTo(checks.stream().filter(c -> c.get("status").asText().equals("FAILURE")).count());
        List<JsonNode> seeds = checks.stream()
                .filter(c -> List.of("DynamoDB-003", "Backup-001").contains(c.get("ruleId").asText())).toList();
        assertThat(seeds).hasSize(7);   // the demo's 5 tables and 2 DB instances
        assertThat(seeds).filteredOn(c -> c.get("status").asText().equals("FAILURE")).hasSize(4);
        assertThat(root.get("checks").get(0).get("ruleId").asText()).isEqualTo("DynamoDB-003");
        assertThat(root.get("checks").get(0).get("resource").asText())
                .isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/customers");
    }

    @Test
    void scanWritesTheHtmlReportWithTheFixForTheFailingResources(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.html");
        Run r = run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--format", "html", "--output", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
        assertThat(Files.readString(report)).contains("Vigil report — account 123456789012",
                "aws dynamodb update-continuous-backups --region us-east-1 --table-name sessions",
                "aws backup create-backup-selection --region us-east-1", "billing-db", "Failures by risk");
    }

    /** The first fenced block under the README heading that starts with {@code heading}. */
    private static String readmeExample(String heading) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("vigil.root", "..")).resolve("README.md"));
        int at = readme.indexOf("\n" + heading);
        assertThat(at).as("README has a section " + heading).isPositive();
        int open = readme.indexOf("```", at);
        int start = readme.indexOf('\n', open) + 1;
        return readme.substring(start, readme.indexOf("\n```", start));
    }

    /** The first element of a JSON array, timestamps aside (they are the time of the run). */
    private static JsonNode firstFinding(String json) throws Exception {
        JsonNode first = new ObjectMapper().readTree(json);
        first = first.isArray() ? first.get(0) : first;
        for (String time : List.of("time", "CreatedAt", "UpdatedAt", "LastObservedAt")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) first).remove(time);
        }
        return first;
    }

    @Test
    void theReadmeShowsWhatEachFormatWrites(@TempDir Path dir) throws Exception {
        for (dev.vigil.report.Format format : dev.vigil.report.Format.values()) {
            String name = format.name().toLowerCase(java.util.Locale.ROOT);
            assertThat(Files.readString(Path.of(System.getProperty("vigil.root", "..")).resolve("README.md")))
                    .as("README section for " + name).containsPattern("### .* \\(`--format " + name + "`\\)");
        }
        java.util.Map<String, String> demo = new java.util.LinkedHashMap<>();
        List<String> demoRules = Catalog.load().all().stream().map(r -> r.meta().id())
                .filter(id -> !DemoAccount.NOT_EMULATED.containsKey(id)).flatMap(id -> java.util.stream.Stream.of("--rule", id))
                .toList();
        for (String format : List.of("table", "csv", "ocsf", "asff", "html")) {
            Path out = dir.resolve("demo." + format);
            List<String> args = new java.util.ArrayList<>(List.of("scan", "--endpoint-url", moto.endpoint().toString(),
                    "--region", "us-east-1", "--region", "eu-west-1", "--format", format, "--output", out.toString()));
            args.addAll(demoRules);
            run(args.toArray(String[]::new));
            demo.put(format, Files.readString(out));
        }
        // the emulator names EBS volumes and snapshots at random: the same width, other hex digits
        java.util.function.UnaryOperator<String> ids = t -> t.replaceAll("\\b(vol|snap)-[0-9a-f]{17}\\b", "$1-00000000000000000");
        assertThat(ids.apply(demo.get("table").strip())).isEqualTo(ids.apply(readmeExample("### Table").strip()));
        assertThat(demo.get("csv")).startsWith(readmeExample("### CSV").replace("\n", "\r\n"));
        assertThat(firstFinding(demo.get("ocsf"))).isEqualTo(firstFinding(readmeExample("### OCSF")));
        assertThat(firstFinding(demo.get("asff"))).isEqualTo(firstFinding(readmeExample("### ASFF")));
        assertThat(demo.get("html")).startsWith(readmeExample("### HTML").replace("<style>…</style>", "<style>"));

        Path junit = dir.resolve("mixed.xml");
        Path sarif = dir.resolve("mixed.sarif");
        run("iac", "src/test/resources/iac/mixed.yaml", "--rule", "DynamoDB-003", "--format", "junit", "-o", junit.toString());
        run("iac", "src/test/resources/iac/mixed.yaml", "--rule", "DynamoDB-003", "--format", "sarif", "-o", sarif.toString());
        assertThat(Files.readString(junit).strip()).isEqualTo(readmeExample("### JUnit XML").strip());
        assertThat(new ObjectMapper().readTree(Files.readString(sarif)).at("/runs/0/results/0"))
                .isEqualTo(new ObjectMapper().readTree(readmeExample("### SARIF")));
    }

    @Test
    void failOnAboveEveryFailingRiskExitsZero(@TempDir Path dir) {
        Run r = run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--rule", "DynamoDB-003", "--fail-on", "VERY_HIGH", "--format", "csv",
                "--output", dir.resolve("r.csv").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.OK);
    }

    @Test
    void expectedFaultsAreOneLineAndExitTwo() {
        Run unknownRule = run("scan", "--rule", "DynamoDB-999", "--endpoint-url", moto.endpoint().toString());
        assertThat(unknownRule.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(unknownRule.err().strip()).isEqualTo("vigil: unknown rule ID 'DynamoDB-999'; known rules: "
                + String.join(", ", Catalog.load().all().stream().map(r -> r.meta().id()).toList())
                + " (see 'vigil rules')");

        Run badRegion = run("scan", "--region", "mars", "--endpoint-url", moto.endpoint().toString());
        assertThat(badRegion.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(badRegion.err().strip()).isEqualTo("vigil: 'mars' is not an AWS region name (like us-east-1)");

        Run badFormat = run("scan", "--format", "xml");
        assertThat(badFormat.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(badFormat.err()).contains("expected one of [TABLE, JSON, CSV, SARIF, JUNIT, OCSF, ASFF, HTML]", "'xml'").doesNotContain("Exception");

        Run noProfile = run("scan", "--profile", "no-such-profile-vigil", "--region", "us-east-1");
        assertThat(noProfile.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(noProfile.err().strip()).startsWith("vigil: no AWS credentials found");
    }

    @Test
    void rulesAndExplainReadTheCatalog() {
        Run rules = run("rules");
        assertThat(rules.exit()).isZero();
        assertThat(rules.out()).contains("DynamoDB-003", "HIGH", "Backup-001", "LOW", "NIST4");
        int settings = rules.out().lines().findFirst().orElseThrow().indexOf("SETTINGS");
        assertThat(rules.out().lines().filter(l -> l.contains("maximumSnapshotAge=")))
                .as("columns stay aligned past long compliance lists").isNotEmpty()
                .allSatisfy(l -> assertThat(l.indexOf("maximumSnapshotAge=")).isEqualTo(settings));
        Run explain = run("explain", "dynamodb-003");
        assertThat(explain.exit()).isZero();
        assertThat(explain.out()).startsWith("# DynamoDB-003 — DynamoDB Continuous Backups")
                .contains("Risk: HIGH", "### AWS CLI", "update-continuous-backups", "point_in_time_recovery");
        assertThat(explain.out()).contains("'vigil fix --apply' makes the same change through the AWS SDK.");
        Run planOnly = run("explain", "EBS-011");
        assertThat(planOnly.out()).doesNotContain("makes the same change")
                .contains("'vigil fix --apply' does not make this change: a snapshot is encrypted by copying it",
                        "resource \"aws_ebs_snapshot_copy\"", "# Not in CloudFormation: ");
    }

    @Test
    void rulesFiltersByComplianceStandard() {
        Run nist4 = run("rules", "--compliance", "nist4");
        assertThat(nist4.exit()).isZero();
        assertThat(nist4.out()).contains("DynamoDB-003").doesNotContainPattern("(?m)^Backup-001 ");
        Run unknown = run("rules", "--compliance", "XYZ");
        assertThat(unknown.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(unknown.err().strip()).startsWith("vigil: no rule maps to the compliance standard 'XYZ'; "
                + "the standards rules map to: AWAF, ");
    }

    @Test
    void aSettingARuleDoesNotHaveIsAUsageError() {
        Run unknown = run("scan", "--setting", "DynamoDB-003.minimumDays=3", "--endpoint-url", moto.endpoint().toString());
        assertThat(unknown.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(unknown.err().strip()).isEqualTo("vigil: DynamoDB-003 has no setting 'minimumDays'; it has no settings");
        Run malformed = run("iac", "--setting", "minimumDays=3", ".");
        assertThat(malformed.err()).contains("expected RULE.SETTING=VALUE");
        Run notSelected = run("scan", "--rule", "Backup-001", "--setting", "DynamoDB-003.x=1");
        assertThat(notSelected.err().strip())
                .isEqualTo("vigil: --setting DynamoDB-003.x: DynamoDB-003 is not among the rules selected with --rule");
    }

    @Test
    void aSnapshotAgeThresholdIsSetPerRun(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("ebs.json");
        Run r = run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1", "--rule", "EBS-004",
                "--setting", "EBS-004.maximumSnapshotAge=14", "--format", "json", "--output", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
        List<JsonNode> checks = new java.util.ArrayList<>();
        new ObjectMapper().readTree(Files.readString(report)).get("checks").forEach(checks::add);
        assertThat(checks).extracting(c -> c.get("status").asText()).containsExactlyInAnyOrder("SUCCESS", "SUCCESS",
                "FAILURE");   // the demo's volumes: two with a snapshot, one without
        assertThat(checks).filteredOn(c -> c.get("status").asText().equals("SUCCESS"))
                .allSatisfy(c -> assertThat(c.get("message").asText()).endsWith("within 14 days"));
        Run outOfBounds = run("scan", "--endpoint-url", moto.endpoint().toString(), "--rule", "EBS-004",
                "--setting", "EBS-004.maximumSnapshotAge=0");
        assertThat(outOfBounds.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(outOfBounds.err().strip())
                .isEqualTo("vigil: EBS-004.maximumSnapshotAge must be between 1 and 3650, not 0");
    }

    @Test
    void theMinimumRetentionPeriodIsSetPerRun(@TempDir Path dir) throws Exception {
        Run byDefault = run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--rule", "RDS-003");
        assertThat(byDefault.exit()).as(byDefault.err()).isEqualTo(Vigil.OK);   // billing-db keeps backups 7 days
        Path report = dir.resolve("rds.json");
        Run stricter = run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--rule", "RDS-003", "--setting", "RDS-003.minimumRetentionPeriod=14", "--format", "json",
                "--output", report.toString());
        assertThat(stricter.exit()).as(stricter.err()).isEqualTo(Vigil.FAILURES);
        JsonNode check = new ObjectMapper().readTree(Files.readString(report)).get("checks").get(0);
        assertThat(check.get("resourceName").asText()).isEqualTo("billing-db");
        assertThat(check.get("message").asText())
                .isEqualTo("Automated backups are kept 7 day(s), fewer than the 14 required");
    }

    @Test
    void aRulesConfigDisablesRulesOverridesRiskAndExceptsResources(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("rules.yaml");
        Files.writeString(config, """
                rules:
                  DynamoDB-003: { enabled: false }
                  RDS-035:
                    riskLevel: EXTREME
                    exceptions: { resources: ["analytics-*"] }
                """);
        Path report = dir.resolve("report.json");
        Run r = run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--rule", "DynamoDB-003", "--rule", "RDS-035", "--rules-config", config.toString(),
                "--format", "json", "--output", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.OK);   // the only failure is excepted
        JsonNode checks = new ObjectMapper().readTree(Files.readString(report)).get("checks");
        assertThat(checks.findValuesAsText("ruleId")).containsOnly("RDS-035");
        assertThat(checks.findValuesAsText("risk")).containsOnly("EXTREME");
        JsonNode excepted = checks.get(0).get("resourceName").asText().equals("analytics-aurora") ? checks.get(0) : checks.get(1);
        assertThat(excepted.get("suppressed").asText()).isEqualTo("rule exception: resource analytics-*");

        Files.writeString(config, "rules:\n  RDS-035: { riskLevel: SEVERE }\n");
        Run bad = run("scan", "--rules-config", config.toString(), "--endpoint-url", moto.endpoint().toString());
        assertThat(bad.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(bad.err().strip()).startsWith("vigil: " + config + ":2").contains("riskLevel");
    }

    @Test
    void readmeShowsTheGeneratedPolicy() throws Exception {
        Path readme = Path.of(System.getProperty("vigil.root", "..")).resolve("README.md");
        Run permissions = run("permissions");
        assertThat(permissions.out()).contains("\"dynamodb:DescribeContinuousBackups\"", "\"rds:DescribeDBSnapshots\"")
                .doesNotContain("Update", "Create", "Delete");
        assertThat(Files.readString(readme)).contains(permissions.out().strip());
        assertThat(run("permissions", "--rule", "Backup-001").out()).doesNotContain("dynamodb:");
        // the restore attribute of snapshots is read only for RDS-023, which needs it
        assertThat(run("permissions", "--rule", "RDS-040").out()).contains("\"rds:DescribeDBClusterSnapshots\"")
                .doesNotContain("SnapshotAttributes");
        assertThat(run("permissions", "--rule", "RDS-023").out()).contains("\"rds:DescribeDBSnapshotAttributes\"",
                "\"rds:DescribeDBClusterSnapshotAttributes\"");
        String org = run("permissions", "--org").out();
        assertThat(org).contains("\"organizations:ListAccounts\"", "\"sts:AssumeRole\"");
        assertThat(Files.readString(readme)).contains(org.strip());
    }

    @Test
    void fixPlansByDefaultAndRefusesToApplyWithoutYesOffATerminal() {
        Run plan = run("fix", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--rule", "DynamoDB-003");
        assertThat(plan.exit()).as(plan.err()).isEqualTo(Vigil.FAILURES);
        assertThat(plan.out()).contains("+ dynamodb:UpdateContinuousBackups  sessions  now PointInTimeRecoveryStatus=DISABLED",
                "why: DynamoDB-003 sessions: Point-in-time recovery is not enabled",
                "Dry run: nothing was changed. Run again with --apply to make 1 change(s).");

        Run refused = run("fix", "--apply", "--endpoint-url", moto.endpoint().toString());
        assertThat(refused.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(refused.err().strip()).isEqualTo("vigil: --apply needs --yes when not run from a terminal");
    }

    @Test
    void fixFromASavedScanAppliesLogsAndRechecks(@TempDir Path dir) throws Exception {
        try (AwsConnection aws = new AwsConnection(new AwsOptions(null, List.of(), moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")), RateLimits.aws()))) {
            DemoAccount.createTable(aws.client(software.amazon.awssdk.services.dynamodb.DynamoDbClient::builder,
                    "us-west-2"), "fix-me", false);
        }
        Path saved = dir.resolve("scan.json");
        Path audit = dir.resolve("audit.jsonl");
        run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-west-2", "--rule", "DynamoDB-003",
                "--format", "json", "--output", saved.toString());
        assertThat(Files.readString(saved)).contains("\"type\" : \"EnablePointInTimeRecovery\"");

        Run emitted = run("fix", "--from", saved.toString(), "--emit", "terraform",
                "--endpoint-url", moto.endpoint().toString());
        assertThat(emitted.out()).contains("resource \"aws_dynamodb_table\" \"fix-me\"", "enabled = true");

        Run fixed = run("fix", "--from", saved.toString(), "--apply", "--yes", "--audit-log", audit.toString(),
                "--endpoint-url", moto.endpoint().toString());
        assertThat(fixed.exit()).as(fixed.out() + fixed.err()).isEqualTo(Vigil.OK);
        assertThat(fixed.out()).contains("done us-west-2 dynamodb:UpdateContinuousBackups fix-me: "
                + "PointInTimeRecoveryStatus=DISABLED -> PointInTimeRecoveryStatus=ENABLED")
                .containsPattern("DynamoDB-003 +us-west-2 +fix-me +FAILURE -> SUCCESS");
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(2);   // the intent, then the outcome
        assertThat(new ObjectMapper().readTree(lines.getFirst()).get("status").asText()).isEqualTo("attempted");
        JsonNode line = new ObjectMapper().readTree(lines.get(1));
        assertThat(line.get("status").asText()).isEqualTo("done");
        assertThat(line.get("account").asText()).isEqualTo("123456789012");
        assertThat(line.get("region").asText()).isEqualTo("us-west-2");
        assertThat(line.get("action").asText()).isEqualTo("dynamodb:UpdateContinuousBackups");
        assertThat(line.get("resource").asText()).isEqualTo("fix-me");
        assertThat(line.get("before").asText()).isEqualTo("PointInTimeRecoveryStatus=DISABLED");
        assertThat(line.get("after").asText()).isEqualTo("PointInTimeRecoveryStatus=ENABLED");
        assertThat(line.get("time").asText()).isNotBlank();

        Run again = run("fix", "--from", saved.toString(), "--apply", "--yes", "--audit-log", audit.toString(),
                "--endpoint-url", moto.endpoint().toString());
        assertThat(again.exit()).isEqualTo(Vigil.OK);
        assertThat(again.out()).contains("= dynamodb:UpdateContinuousBackups  fix-me  already in place", "No change to make.");
        assertThat(Files.readAllLines(audit)).hasSize(2);
    }

    @Test
    void explainShowsWhatFixGenerates() {
        Run explain = run("explain", "Backup-001");
        assertThat(explain.out()).contains("## What 'vigil fix' generates", "### vigil fix --emit cli",
                "aws backup create-backup-selection", "### vigil fix --emit cloudformation", "AWS::Backup::BackupSelection",
                "### vigil fix --emit terraform", "resource \"aws_backup_selection\"", "INSTANCE_ARN");
    }

    @Test
    void statsCountCallsRetriesAndThrottlesAndRatesAreValidated(@TempDir Path dir) {
        Run r = run("scan", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1", "--rule",
                "DynamoDB-003", "--stats", "--rate", "dynamodb:DescribeContinuousBackups=50/5", "--format", "json",
                "--output", dir.resolve("r.json").toString());
        assertThat(r.err()).containsPattern("operation +calls +retries +throttles")
                .containsPattern("dynamodb:DescribeContinuousBackups +3 +0 +0")
                .containsPattern("dynamodb:ListTables +1 +0 +0")
                .containsPattern("rule group +calls")
                .containsPattern("\\nDynamoDB +4\\n");   // ListTables and a DescribeContinuousBackups per table

        Run bad = run("scan", "--rate", "dynamodb:ListTables=fast");
        assertThat(bad.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(bad.err().strip()).isEqualTo("vigil: --rate dynamodb:ListTables=fast: expected a positive rate "
                + "per second, optionally /BURST, e.g. 10 or 12/300");
    }

    @Test
    void theSdksEndpointSettingWorksWithoutTheFlag(@TempDir Path dir) throws Exception {
        // aws.endpointUrl is the system-property twin of AWS_ENDPOINT_URL; the SDK reads both the same way
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        try {
            Path report = dir.resolve("r.json");
            Run r = run("scan", "--region", "eu-west-1", "--rule", "DynamoDB-003", "--format", "json",
                    "--output", report.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(Vigil.FAILURES);
            assertThat(Files.readString(report)).contains("arn:aws:dynamodb:eu-west-1:123456789012:table/customers");
        } finally {
            System.clearProperty("aws.endpointUrl");
        }
    }

    @Test
    void helpListsEveryCommandThoughOnlyTheOneAskedForIsBuilt() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("scan", "iac", "fix", "demo", "rules", "explain", "permissions", "bench",
                "bench-iac", "help");
        assertThat(run("help", "explain").out()).contains("Usage: vigil explain");
        assertThat(run("--version").out().strip()).isEqualTo("Vigil 0.1.0");
        Run unknown = run("sacn");
        assertThat(unknown.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(unknown.err()).contains("Unmatched argument", "sacn").doesNotContain("Exception");
    }

    @Test
    void realtimeSetupEmitsForTheRulesChosenAndRefusesWhatItCannotEmit(@TempDir Path dir) throws Exception {
        Run terraform = run("realtime", "setup", "--emit", "terraform", "--rule", "DynamoDB-003");
        assertThat(terraform.exit()).isZero();
        assertThat(terraform.out()).contains("resource \"aws_cloudwatch_event_rule\" \"dynamodb\"",
                "resource \"aws_sqs_queue\" \"dead_letter\"").doesNotContain("rds.amazonaws.com");
        Path file = dir.resolve("org.yaml");
        assertThat(run("realtime", "setup", "--emit", "cloudformation", "--organization", "-o", file.toString()).exit())
                .isZero();
        assertThat(Files.readString(file)).contains("AWS::CloudFormation::StackSet", "aws:PrincipalOrgID");

        Run unknownRule = run("realtime", "setup", "--emit", "terraform", "--rule", "Nope-001");
        assertThat(unknownRule.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(unknownRule.err().strip()).startsWith("vigil: unknown rule ID 'Nope-001'").doesNotContain("\n");
        Run badFormat = run("realtime", "setup", "--emit", "pulumi");
        assertThat(badFormat.exit()).isEqualTo(Vigil.ERRORS);
        assertThat(badFormat.err()).contains("--emit", "CLOUDFORMATION, TERRAFORM");
        assertThat(run("realtime").exit()).isEqualTo(Vigil.ERRORS);
    }
}
