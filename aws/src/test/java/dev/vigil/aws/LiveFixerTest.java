package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.Kind;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.Journal;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.rule.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * vigil fix against moto. Backup selections, which moto lacks, go to {@link BackupSelectionStub}
 * (AWS's documented shapes); everything else — PITR, vaults, plans, IAM — is moto's.
 */
class LiveFixerTest {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final Set<String> MUTATING = Set.of("UpdateContinuousBackups", "CreateRole", "AttachRolePolicy",
            "PUT /backup/vaults/Default", "PUT /backup/plans/");

    private MotoServer moto;
    private EmulatorProxy proxy;
    private BackupSelectionStub selections;

    @BeforeEach
    void seed() throws Exception {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            DynamoDbClient east = aws.client(DynamoDbClient::builder, "us-east-1");
            DemoAccount.createTable(east, "orders", true);
            DemoAccount.createTable(east, "sessions", false);
            DemoAccount.createTable(east, "locked", false);
            DemoAccount.createTable(aws.client(DynamoDbClient::builder, "eu-west-1"), "customers", false);
            DemoAccount.createDatabase(aws.client(RdsClient::builder, "us-east-1"), "billing-db", "postgres", Map.of());
            DemoAccount.createDatabase(aws.client(RdsClient::builder, "eu-west-1"), "reports-db", "mysql", Map.of());
        }
        proxy = new EmulatorProxy(moto.endpoint());
        selections = new BackupSelectionStub();
        selections.install(proxy);
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private AwsConnection connect() {
        return new AwsConnection(Emulator.options(proxy.endpoint(), REGIONS));
    }

    /** The failures of the rules this test fixes (the RDS instance rules have their own test: LiveScanRdsTest). */
    private static List<Check> failing(AwsConnection aws) {
        return failing(aws, List.of("DynamoDB-003", "Backup-001"));
    }

    private static List<Check> failing(AwsConnection aws, List<String> rules) {
        ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(rules), (r, d, t, n) -> { });
        return result.checkList().stream().filter(c -> c.status() == Status.FAILURE).toList();
    }

    private static boolean mutating(EmulatorProxy.Request r) {
        String op = r.operation();
        return MUTATING.contains(op) || op.startsWith("Create") || op.startsWith("Update") || op.startsWith("Delete")
                || op.startsWith("Attach") || op.startsWith("Put") || r.method().equals("PUT")
                || r.method().equals("DELETE");
    }

    @Test
    void dryRunPlansEveryChangeWithZeroMutatingCalls() {
        try (AwsConnection aws = connect()) {
            List<Check> failing = failing(aws);
            int before = proxy.requests().size();
            List<Change> plan = new LiveFixer(aws, "123456789012", new FixSettings("vigil-rds-daily", false))
                    .plan(failing, false);
            List<EmulatorProxy.Request> planning = proxy.requests().subList(before, proxy.requests().size());
            assertThat(planning).noneMatch(LiveFixerTest::mutating);
            // the scan has just read every table's state: planning does not read it again
            assertThat(planning).noneMatch(r -> r.operation().equals("DescribeContinuousBackups"));

            String role = "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole";
            assertThat(plan).extracting(Change::region, Change::kind, Change::resource, Change::state).containsExactly(
                    tuple("global", Kind.CREATE_ROLE, role, State.BLOCKED),
                    tuple("global", Kind.ATTACH_ROLE_POLICY, role, State.BLOCKED),
                    tuple("eu-west-1", Kind.ENABLE_PITR, "customers", State.TO_DO),
                    tuple("eu-west-1", Kind.CREATE_VAULT, "Default", State.BLOCKED),
                    tuple("eu-west-1", Kind.CREATE_BACKUP_PLAN, "vigil-rds-daily", State.BLOCKED),
                    tuple("eu-west-1", Kind.CREATE_BACKUP_SELECTION,
                            BackupPlanDefaults.selectionName(List.of("arn:aws:rds:eu-west-1:123456789012:db:reports-db")),
                            State.BLOCKED),
                    tuple("us-east-1", Kind.ENABLE_PITR, "locked", State.TO_DO),
                    tuple("us-east-1", Kind.ENABLE_PITR, "sessions", State.TO_DO),
                    tuple("us-east-1", Kind.CREATE_VAULT, "Default", State.BLOCKED),
                    tuple("us-east-1", Kind.CREATE_BACKUP_PLAN, "vigil-rds-daily", State.BLOCKED),
                    tuple("us-east-1", Kind.CREATE_BACKUP_SELECTION,
                            BackupPlanDefaults.selectionName(List.of("arn:aws:rds:us-east-1:123456789012:db:billing-db")),
                            State.BLOCKED));
            assertThat(plan.getFirst().blockedBy()).contains("--create-role");
            assertThat(plan.get(3).blockedBy()).isEqualTo("not made while the selection that would use it is blocked "
                    + "(see global)");
            assertThat(plan.get(2).reasons()).containsExactly("DynamoDB-003 customers: Point-in-time recovery is not enabled");
            assertThat(plan.get(2).before()).isEqualTo("PointInTimeRecoveryStatus=DISABLED");

            // with the role blocked, applying changes the tables and nothing of AWS Backup
            int beforeApply = proxy.requests().size();
            new LiveFixer(aws, "123456789012", new FixSettings("vigil-rds-daily", false)).apply(plan, new RecordedJournal());
            assertThat(proxy.requests().subList(beforeApply, proxy.requests().size())).filteredOn(LiveFixerTest::mutating)
                    .extracting(EmulatorProxy.Request::operation).containsOnly("UpdateContinuousBackups").hasSize(3);
        }
    }

    @Test
    void aPlanFromASavedScanReadsEachTableAgainForItMayBeStale() {
        try (AwsConnection aws = connect()) {
            List<Check> failing = failing(aws).stream().filter(c -> c.rule().id().equals("DynamoDB-003")).toList();
            aws.client(DynamoDbClient::builder, "us-east-1").updateContinuousBackups(r -> r.tableName("locked")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            int before = proxy.requests().size();
            List<Change> plan = new LiveFixer(aws, "123456789012", new FixSettings("vigil-rds-daily", false))
                    .plan(failing, true);
            assertThat(proxy.requests().subList(before, proxy.requests().size()))
                    .filteredOn(r -> r.operation().equals("DescribeContinuousBackups")).hasSize(3);
            assertThat(plan).extracting(Change::resource, Change::state).containsExactlyInAnyOrder(
                    tuple("customers", State.TO_DO), tuple("locked", State.IN_PLACE), tuple("sessions", State.TO_DO));
        }
    }


    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    @Test
    void applyFixesEverythingAndASecondRunChangesNothing() {
        try (AwsConnection aws = connect()) {
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings("vigil-rds-daily", true));
            RecordedJournal journal = new RecordedJournal();
            List<Applied> applied = fixer.apply(fixer.plan(failing(aws), false), journal);

            assertThat(applied).isEqualTo(journal.outcomes).allMatch(Applied::ok).hasSize(11);
            // every change recorded before it is made and after
            for (int i = 0; i < applied.size(); i++) {
                Change c = applied.get(i).change();
                assertThat(journal.events.subList(2 * i, 2 * i + 2)).containsExactly(
                        "intent " + c.action() + " " + c.resource(), "outcome " + c.action() + " " + c.resource());
            }
            // verified by reading back through moto
            assertThat(aws.client(DynamoDbClient::builder, "us-east-1").describeContinuousBackups(r -> r.tableName("sessions"))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString())
                    .isIn("ENABLED", "ENABLING");
            for (String region : REGIONS) {
                BackupClient backup = aws.client(BackupClient::builder, region);
                assertThat(backup.listBackupVaults().backupVaultList()).extracting(v -> v.backupVaultName()).contains("Default");
                var plans = backup.listBackupPlans().backupPlansList();
                assertThat(plans).extracting(p -> p.backupPlanName()).containsExactly("vigil-rds-daily");
                var rule = backup.getBackupPlan(r -> r.backupPlanId(plans.getFirst().backupPlanId())).backupPlan().rules().getFirst();
                assertThat(rule.ruleName()).isEqualTo("DailyBackups");
                assertThat(rule.scheduleExpression()).isEqualTo("cron(0 5 ? * * *)");
                assertThat(rule.startWindowMinutes()).isEqualTo(480);
                assertThat(rule.completionWindowMinutes()).isEqualTo(10080);
                assertThat(rule.lifecycle().deleteAfterDays()).isEqualTo(35);
            }
            assertThat(aws.client(IamClient::builder, "aws-global").listAttachedRolePolicies(
                    r -> r.roleName("AWSBackupDefaultServiceRole")).attachedPolicies())
                    .extracting(p -> p.policyArn()).containsExactly(BackupPlanDefaults.ROLE_POLICY);
            assertThat(selections.count()).isEqualTo(2);
            assertThat(proxy.requests()).filteredOn(r -> r.method().equals("PUT") && r.path().endsWith("/selections/"))
                    .allMatch(r -> r.body().contains("\"IamRoleArn\":\"arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole\""));

            // the rules now pass everywhere
            assertThat(failing(aws)).isEmpty();

            // second run: nothing to do, and no mutating call
            int before = proxy.requests().size();
            List<Change> again = fixer.plan(failing(aws), false);
            assertThat(again).isEmpty();
            assertThat(fixer.apply(again, new RecordedJournal())).isEmpty();
            assertThat(proxy.requests().subList(before, proxy.requests().size())).noneMatch(LiveFixerTest::mutating);
        }
    }

    @Test
    void anAuroraClusterJoinsTheDbInstancesOfItsRegionInOneSelectionAndThenPasses() {
        try (AwsConnection aws = connect()) {
            DemoAccount.createCluster(aws.client(RdsClient::builder, "us-east-1"), "orders-aurora", "aurora-mysql", true);
            List<String> rules = List.of("Backup-001", "Vigil-Backup-003");
            List<Check> failing = failing(aws, rules);
            assertThat(failing).extracting(c -> c.rule().id() + " " + c.resourceName())
                    .contains("Vigil-Backup-003 orders-aurora", "Backup-001 billing-db");
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings("vigil-rds-daily", true));
            List<Change> plan = fixer.plan(failing, false);
            assertThat(plan).filteredOn(c -> c.region().equals("us-east-1") && c.kind() == Kind.CREATE_BACKUP_SELECTION)
                    .singleElement().satisfies(c -> assertThat(c.targets()).containsExactly(
                            "arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora",
                            "arn:aws:rds:us-east-1:123456789012:db:billing-db"));
            assertThat(fixer.apply(plan, new RecordedJournal())).allMatch(Applied::ok);
            assertThat(failing(aws, rules)).isEmpty();
        }
    }

    @Test
    void existingPlanIsReusedAndOnePlanAgainIsIdempotent() {
        try (AwsConnection aws = connect()) {
            aws.client(BackupClient::builder, "us-east-1").createBackupPlan(r -> r.backupPlan(p -> p
                    .backupPlanName("team-plan").rules(rule -> rule.ruleName("Weekly").targetBackupVaultName("Default")
                            .scheduleExpression("cron(0 3 ? * 1 *)"))));
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings("team-plan", true));
            List<Change> plan = fixer.plan(failing(aws), false);
            assertThat(plan).filteredOn(c -> c.region().equals("us-east-1") && c.kind() == Kind.CREATE_BACKUP_PLAN)
                    .singleElement().satisfies(c -> {
                        assertThat(c.state()).isEqualTo(State.IN_PLACE);
                        assertThat(c.before()).startsWith("exists (");
                    });
            fixer.apply(plan, new RecordedJournal());
            // the existing plan was extended with a selection, not replaced
            var plans = aws.client(BackupClient::builder, "us-east-1").listBackupPlans().backupPlansList();
            assertThat(plans).extracting(p -> p.backupPlanName()).containsExactly("team-plan");
            assertThat(selections.count()).isEqualTo(2);
        }
    }

    @Test
    void aFailedChangeIsReportedWhileTheOthersGoOn() {
        proxy.when(r -> r.operation().equals("UpdateContinuousBackups") && r.body().contains("\"locked\""),
                r -> new Response(400, "application/x-amz-json-1.0",
                        EmulatorProxy.recorded("DynamoDb-AccessDenied-Update.json", Map.of())));
        try (AwsConnection aws = connect()) {
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings("vigil-rds-daily", true));
            List<Applied> applied = fixer.apply(fixer.plan(failing(aws), false), new RecordedJournal());
            Map<String, Boolean> outcome = applied.stream()
                    .filter(a -> a.change().kind() == Kind.ENABLE_PITR)
                    .collect(Collectors.toMap(a -> a.change().region() + " " + a.change().resource(), Applied::ok));
            assertThat(outcome).containsEntry("us-east-1 locked", false).containsEntry("us-east-1 sessions", true)
                    .containsEntry("eu-west-1 customers", true);
            assertThat(applied).filteredOn(a -> !a.ok()).singleElement()
                    .satisfies(a -> assertThat(a.error()).startsWith("AccessDeniedException"));
            assertThat(failing(aws)).extracting(Check::resourceName).containsExactly("locked");
        }
    }

    @Test
    void aRoleCreatedWhosePolicyCannotBeAttachedSaysItExistsAndNoBackupStepIsAttempted() {
        proxy.when(r -> r.operation().equals("AttachRolePolicy"), r -> new Response(403, "text/xml",
                EmulatorProxy.recorded("Iam-AccessDenied.xml", Map.of("action", "iam:AttachRolePolicy"))));
        try (AwsConnection aws = connect()) {
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings("vigil-rds-daily", true));
            RecordedJournal journal = new RecordedJournal();
            List<Applied> applied = fixer.apply(fixer.plan(failing(aws), false), journal);

            Map<Kind, List<Applied>> byKind = applied.stream().collect(Collectors.groupingBy(a -> a.change().kind()));
            assertThat(byKind.get(Kind.CREATE_ROLE)).singleElement().satisfies(a -> assertThat(a.ok()).isTrue());
            assertThat(byKind.get(Kind.ATTACH_ROLE_POLICY)).singleElement().satisfies(a -> {
                assertThat(a.ok()).isFalse();
                assertThat(a.error()).startsWith("AccessDenied").contains("was created above and now exists without "
                        + BackupPlanDefaults.ROLE_POLICY);
            });
            for (Kind dependent : List.of(Kind.CREATE_VAULT, Kind.CREATE_BACKUP_PLAN, Kind.CREATE_BACKUP_SELECTION)) {
                assertThat(byKind.get(dependent)).hasSize(2).allSatisfy(a -> {
                    assertThat(a.attempted()).isFalse();
                    assertThat(a.error()).isEqualTo("not attempted: attaching the AWS Backup policy to its role failed "
                            + "before it");
                });
            }
            assertThat(byKind.get(Kind.ENABLE_PITR)).hasSize(3).allMatch(Applied::ok);
            // no vault or plan left behind that assigns nothing
            for (String region : REGIONS) {
                assertThat(aws.client(BackupClient::builder, region).listBackupPlans().backupPlansList()).isEmpty();
            }
            assertThat(journal.events).filteredOn(e -> e.startsWith("intent ")).extracting(e -> e.split(" ")[1])
                    .containsOnly("iam:CreateRole", "iam:AttachRolePolicy", "dynamodb:UpdateContinuousBackups");
        }
    }

    @Test
    void aJournalThatCannotRecordStopsTheRunBeforeTheNextChange() {
        try (AwsConnection aws = connect()) {
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings("vigil-rds-daily", false));
            List<Change> plan = fixer.plan(failing(aws), false);
            List<String> made = new ArrayList<>();
            Journal failsOnTheSecond = new Journal() {
                @Override
                public void intent(Change change) {
                    if (!made.isEmpty()) {
                        throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
                    }
                }

                @Override
                public void outcome(Applied applied) {
                    made.add(applied.change().resource());
                }
            };
            int before = proxy.requests().size();
            assertThatThrownBy(() -> fixer.apply(plan, failsOnTheSecond)).isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(made).hasSize(1);
            assertThat(proxy.requests().subList(before, proxy.requests().size())).filteredOn(LiveFixerTest::mutating)
                    .hasSize(1);
        }
    }
}
