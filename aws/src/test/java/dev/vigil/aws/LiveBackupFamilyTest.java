package dev.vigil.aws;

import static dev.vigil.aws.EmulatorProxy.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The DynamoDB and AWS Backup family on moto, seeded once: verdicts, the calls each rule set makes (and those it does
 * not), faults of a region, and the live fixes. moto lacks vault access policies, so {@link VaultPolicyStub} answers
 * Put/GetBackupVaultAccessPolicy, and backup selections, so {@link BackupSelectionStub} answers ListBackupSelections; it
 * reports every KMS key as customer managed, so DescribeKey of an AWS managed key and a denied DescribeKey are recorded
 * responses; a denied ListBackupVaults and a ListBackups without its list are recorded responses too. Everything else
 * is moto.
 */
class LiveBackupFamilyTest {

    private static final String ACCOUNT = "123456789012";
    /** Vaults, plans and one DB instance. */
    private static final String WEST = "us-west-2";
    /** DynamoDB tables with and without backups. */
    private static final String EAST = "us-east-1";
    /** A region whose vault and backup listings fail. */
    private static final String FAULTY = "eu-west-1";
    /** A table the live fix backs up. */
    private static final String FIX = "ap-southeast-2";
    private static final String AWS_KEY = "arn:aws:kms:" + WEST + ":" + ACCOUNT + ":key/aws-managed-0001";
    private static final String DENIED_KEY = "arn:aws:kms:" + WEST + ":" + ACCOUNT + ":key/denied-0001";
    private static final String DENY_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\","
            + "\"backup:PutBackupVaultAccessPolicy\"],\"Resource\":\"*\"}]}";
    private static final String DENY_DELETE = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
            + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"backup:DeleteRecoveryPoint\",\"Resource\":\"*\"}}";

    private static MotoServer moto;
    private static EmulatorProxy proxy;

    @BeforeAll
    static void seed() throws Exception {
        moto = Emulator.fresh();
        proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeKey") && r.body().contains("aws-managed-0001"),
                        r -> json(200, recorded("Kms-DescribeKey-aws-managed.json", Map.of("region", WEST,
                                "keyId", "aws-managed-0001"))))
                .when(r -> r.operation().equals("DescribeKey") && r.body().contains("denied-0001"),
                        r -> json(400, recorded("Kms-AccessDenied.json", Map.of("region", WEST,
                                "keyId", "denied-0001"))))
                .when(r -> r.path().equals("/backup-vaults/") && r.region().equals(FAULTY),
                        r -> json(403, recorded("Backup-AccessDenied.json", Map.of())))
                .when(r -> r.operation().equals("ListBackups") && r.region().equals(FAULTY), r -> json(200, "{}"));
        new VaultPolicyStub().install(proxy);
        new BackupSelectionStub().install(proxy);
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of()))) {
            BackupClient backup = aws.client(BackupClient::builder, WEST);
            String key = aws.client(KmsClient::builder, WEST).createKey(r -> r.description("vaults")).keyMetadata().arn();
            vault(backup, "locked-cmk", key, DENY_ALL);
            vault(backup, "shared-cmk", key, null);
            vault(backup, "aws-key", AWS_KEY, DENY_DELETE);
            vault(backup, "unreadable-key", DENIED_KEY, null);
            DemoAccount.createPlan(backup, "tiered", true);
            DemoAccount.createPlan(backup, "forever", false);
            DemoAccount.createDatabase(aws.client(RdsClient::builder, WEST), "west-db", "postgres", Map.of());

            DynamoDbClient east = aws.client(DynamoDbClient::builder, EAST);
            String tableKey = aws.client(KmsClient::builder, EAST).createKey(r -> r.description("tables"))
                    .keyMetadata().arn();
            east.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .sseSpecification(sse -> sse.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(tableKey))
                    .deletionProtectionEnabled(true));
            DemoAccount.createTable(east, "sessions", false);
            east.createBackup(r -> r.tableName("orders").backupName("orders-nightly"));
            DemoAccount.createTable(aws.client(DynamoDbClient::builder, FAULTY), "lonely", false);
            DemoAccount.createTable(aws.client(DynamoDbClient::builder, FIX), "fix-me", false);
        }
    }

    private static void vault(BackupClient backup, String name, String key, String policy) {
        backup.createBackupVault(r -> r.backupVaultName(name).encryptionKeyArn(key));
        if (policy != null) {
            backup.putBackupVaultAccessPolicy(r -> r.backupVaultName(name).policy(policy));
        }
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    private static Response json(int status, String body) {
        return new Response(status, "application/x-amz-json-1.1", body);
    }

    private static AwsConnection connect(String region) {
        return new AwsConnection(Emulator.options(proxy.endpoint(), List.of(region)));
    }

    private static ScanResult scan(AwsConnection aws, String... rules) {
        return new LiveScanner(aws).scan(Catalog.load().select(List.of(rules)), (r, d, t, n) -> { });
    }

    /** The operations a scan of one region with these rules calls. */
    private static java.util.Set<String> operations(String region, String... rules) {
        try (AwsConnection aws = connect(region)) {
            scan(aws, rules);
            return aws.stats().snapshot().keySet();
        }
    }

    /** rule ID → resource name → status. */
    private static Map<String, Map<String, Status>> verdicts(ScanResult result) {
        return result.checkList().stream().collect(Collectors.groupingBy(c -> c.rule().id(),
                Collectors.toMap(Check::resourceName, Check::status)));
    }

    private static String vaultArn(String name) {
        return "arn:aws:backup:" + WEST + ":" + ACCOUNT + ":backup-vault:" + name;
    }

    @Test
    void vaultsAndPlansAreJudgedWithOneCallPerVaultPlanAndDistinctKey() {
        try (AwsConnection aws = connect(WEST)) {
            ScanResult result = scan(aws, "Backup-002", "Vigil-Backup-001", "Vigil-Backup-002");
            assertThat(verdicts(result)).isEqualTo(Map.of(
                    "Backup-002", Map.of("locked-cmk", Status.SUCCESS, "shared-cmk", Status.FAILURE,
                            "aws-key", Status.FAILURE, "unreadable-key", Status.FAILURE),
                    "Vigil-Backup-001", Map.of("locked-cmk", Status.SUCCESS, "shared-cmk", Status.SUCCESS,
                            "aws-key", Status.FAILURE, "unreadable-key", Status.ERROR),
                    "Vigil-Backup-002", Map.of("tiered", Status.SUCCESS, "forever", Status.FAILURE)));
            Check denied = result.checkList().stream().filter(c -> c.rule().id().equals("Vigil-Backup-001")
                    && c.resourceName().equals("unreadable-key")).findFirst().orElseThrow();
            assertThat(denied.message()).contains("kms:DescribeKey failed for " + DENIED_KEY + ": AccessDeniedException");
            assertThat(denied.resource()).isEqualTo(vaultArn("unreadable-key"));
            assertThat(result.checkList()).filteredOn(c -> c.resourceName().equals("aws-key")
                            && c.rule().id().equals("Backup-002")).singleElement()
                    .satisfies(c -> assertThat(c.message()).contains("does not deny backup:UpdateRecoveryPointLifecycle"));
            assertThat(result.faults()).isEmpty();
            // one listing each; a policy per vault; a key description per distinct key (two vaults share one); a plan
            // read per plan
            assertThat(aws.stats().calls("backup:ListBackupVaults")).isEqualTo(1);
            assertThat(aws.stats().calls("backup:GetBackupVaultAccessPolicy")).isEqualTo(4);
            assertThat(aws.stats().calls("kms:DescribeKey")).isEqualTo(3);
            assertThat(aws.stats().calls("backup:ListBackupPlans")).isEqualTo(1);
            assertThat(aws.stats().calls("backup:GetBackupPlan")).isEqualTo(2);
        }
    }

    @Test
    void eachVaultRuleCallsOnlyWhatItReads() {
        assertThat(operations(WEST, "Backup-002")).containsExactlyInAnyOrder("sts:GetCallerIdentity",
                "ec2:DescribeRegions", "backup:ListBackupVaults", "backup:GetBackupVaultAccessPolicy");
        assertThat(operations(WEST, "Vigil-Backup-001")).containsExactlyInAnyOrder("sts:GetCallerIdentity",
                "ec2:DescribeRegions", "backup:ListBackupVaults", "kms:DescribeKey");
    }

    @Test
    void plansAreListedOnceForTheirLifecycleAndForBackup001() {
        try (AwsConnection aws = connect(WEST)) {
            Map<String, Map<String, Status>> verdicts = verdicts(scan(aws, "Backup-001", "Vigil-Backup-002"));
            assertThat(verdicts.get("Backup-001")).isEqualTo(Map.of("west-db", Status.FAILURE));
            assertThat(verdicts.get("Vigil-Backup-002")).hasSize(2);
            assertThat(aws.stats().calls("backup:ListBackupPlans")).isEqualTo(1);
            assertThat(aws.stats().calls("backup:ListBackupSelections")).isEqualTo(2);
        }
    }

    @Test
    void tablesAreJudgedByTheirNewestBackupFromOneListing() {
        try (AwsConnection aws = connect(EAST)) {
            ScanResult result = scan(aws, "DynamoDB-005");
            assertThat(verdicts(result)).isEqualTo(Map.of("DynamoDB-005",
                    Map.of("orders", Status.SUCCESS, "sessions", Status.FAILURE)));
            assertThat(aws.stats().snapshot().keySet()).containsExactlyInAnyOrder("sts:GetCallerIdentity",
                    "ec2:DescribeRegions", "dynamodb:ListTables", "dynamodb:ListBackups");
            assertThat(aws.stats().calls("dynamodb:ListBackups")).isEqualTo(1);
        }
    }

    @Test
    void eachTableIsDescribedOnceHoweverManyRulesReadWhatDescribeTableSays() {
        try (AwsConnection aws = connect(EAST)) {
            ScanResult result = scan(aws, "DynamoDB-003", "DynamoDB-004", "DynamoDB-005", "Vigil-DynamoDB-001");
            assertThat(verdicts(result)).isEqualTo(Map.of(
                    "DynamoDB-003", Map.of("orders", Status.FAILURE, "sessions", Status.FAILURE),
                    "DynamoDB-004", Map.of("orders", Status.SUCCESS, "sessions", Status.FAILURE),
                    "DynamoDB-005", Map.of("orders", Status.SUCCESS, "sessions", Status.FAILURE),
                    "Vigil-DynamoDB-001", Map.of("orders", Status.SUCCESS, "sessions", Status.FAILURE)));
            assertThat(result.checkList()).filteredOn(c -> c.rule().id().equals("DynamoDB-004")
                    && c.resourceName().equals("sessions")).singleElement()
                    .satisfies(c -> assertThat(c.message()).contains("an AWS owned key"));
            assertThat(aws.stats().calls("dynamodb:ListTables")).isEqualTo(1);
            assertThat(aws.stats().calls("dynamodb:DescribeContinuousBackups")).isEqualTo(2);
            assertThat(aws.stats().calls("dynamodb:DescribeTable")).isEqualTo(2);
            assertThat(aws.stats().calls("kms:DescribeKey")).isEqualTo(1);
            assertThat(aws.stats().calls("dynamodb:ListBackups")).isEqualTo(1);
        }
        assertThat(operations(EAST, "Vigil-DynamoDB-001")).containsExactlyInAnyOrder("sts:GetCallerIdentity",
                "ec2:DescribeRegions", "dynamodb:ListTables", "dynamodb:DescribeTable");
    }

    @Test
    void aTableWithoutDeletionProtectionIsProtectedByItsLiveFix() {
        assertThat(fixTheOneFailure("Vigil-DynamoDB-001", "dynamodb:UpdateTable", "DeletionProtectionEnabled=false")
                .after()).isEqualTo("DeletionProtectionEnabled=true");
    }

    @Test
    void aListingThatFailsIsAnErrorOfItsRegionNeverAVerdict() {
        try (AwsConnection aws = connect(FAULTY)) {
            ScanResult result = scan(aws, "Backup-002", "DynamoDB-005");
            assertThat(result.checkList()).extracting(Check::resource, Check::status).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("backup:ListBackupVaults@" + ACCOUNT + "/" + FAULTY, Status.ERROR),
                    org.assertj.core.groups.Tuple.tuple("arn:aws:dynamodb:" + FAULTY + ":" + ACCOUNT + ":table/lonely",
                            Status.ERROR));
            assertThat(result.checkList()).allSatisfy(c -> assertThat(c.message())
                    .containsAnyOf("AccessDeniedException", "AWS answered without BackupSummaries"));
        }
    }

    @Test
    void aTableWithoutARecentBackupIsBackedUpByItsLiveFix() {
        assertThat(fixTheOneFailure("DynamoDB-005", "dynamodb:CreateBackup", "no backup within 7 days").after())
                .isEqualTo("backup vigil-DynamoDB-005 AVAILABLE");
    }

    /**
     * Scans the fix region with one rule, plans the fix of its one failure from the value read now, applies it, and
     * checks that the rule passes after it and that a second plan finds the fix in place.
     */
    private static Applied fixTheOneFailure(String rule, String action, String before) {
        try (AwsConnection aws = connect(FIX)) {
            List<Check> failing = scan(aws, rule).checkList();
            assertThat(failing).extracting(Check::status).containsExactly(Status.FAILURE);
            LiveFixer fixer = new LiveFixer(aws, ACCOUNT, new FixSettings(BackupPlanDefaults.PLAN_NAME, false));
            List<Change> plan = fixer.plan(failing, false);
            assertThat(plan).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(action);
                assertThat(c.before()).isEqualTo(before);
                assertThat(c.state()).isEqualTo(State.TO_DO);
            });
            List<Applied> applied = fixer.apply(plan, new RecordedJournal());
            assertThat(applied).singleElement().satisfies(a -> assertThat(a.ok()).as(a.error()).isTrue());
            assertThat(scan(aws, rule).checkList()).extracting(Check::status).containsExactly(Status.SUCCESS);
            assertThat(fixer.plan(failing, false).getFirst().state()).isEqualTo(State.IN_PLACE);
            return applied.getFirst();
        }
    }
}
