package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB-003 against moto over HTTP with the real SDK clients: two regions, pagination, call counts. */
class LiveScanDynamoDbTest {

    private static final int EAST_TABLES = 120;
    private static MotoServer moto;
    private static final Map<String, Status> EXPECTED = new HashMap<>();

    @BeforeAll
    static void seed() {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            DynamoDbClient east = aws.client(DynamoDbClient::builder, "us-east-1");
            for (int i = 0; i < EAST_TABLES; i++) {
                String name = String.format("t-%03d", i);
                DemoAccount.createTable(east, name, i % 3 == 0);
                EXPECTED.put(arn("us-east-1", name), i % 3 == 0 ? Status.SUCCESS : Status.FAILURE);
            }
            DynamoDbClient west = aws.client(DynamoDbClient::builder, "eu-west-1");
            DemoAccount.createTable(west, "w-on", true);
            DemoAccount.createTable(west, "w-off", false);
            EXPECTED.put(arn("eu-west-1", "w-on"), Status.SUCCESS);
            EXPECTED.put(arn("eu-west-1", "w-off"), Status.FAILURE);
        }
    }

    private static String arn(String region, String table) {
        return "arn:aws:dynamodb:" + region + ":123456789012:table/" + table;
    }

    @Test
    void oneCheckPerTableInEveryRegionWithMinimumCalls() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(),
                List.of("us-east-1", "eu-west-1", "us-west-2")))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("DynamoDB-003")),
                    (r, d, t, n) -> { });

            assertThat(result.account()).isEqualTo("123456789012");
            assertThat(result.checkList().stream().collect(Collectors.toMap(Check::resource, Check::status)))
                    .containsExactlyInAnyOrderEntriesOf(EXPECTED);
            assertThat(result.faults()).isEmpty();
            // ceil(120/100) + 1 + 1 list pages; one describe per table; nothing else per table
            assertThat(aws.stats().calls("dynamodb:ListTables")).isEqualTo(4);
            assertThat(aws.stats().calls("dynamodb:DescribeContinuousBackups")).isEqualTo(EAST_TABLES + 2);
            assertThat(aws.stats().snapshot().keySet()).containsExactlyInAnyOrder("sts:GetCallerIdentity",
                    "ec2:DescribeRegions", "dynamodb:ListTables", "dynamodb:DescribeContinuousBackups");
        }
    }

    @Test
    void enabledTablesCarryTheRecoveryPeriodWhenAwsReportsIt() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of("eu-west-1")))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("DynamoDB-003")),
                    (r, d, t, n) -> { });
            Check on = result.checkList().stream().filter(c -> c.resourceName().equals("w-on")).findFirst().orElseThrow();
            assertThat(on.message()).startsWith("Point-in-time recovery is enabled");
            assertThat(on.origin().region()).isEqualTo("eu-west-1");
            Check off = result.checkList().stream().filter(c -> c.resourceName().equals("w-off")).findFirst().orElseThrow();
            assertThat(off.remedy()).isNotNull();
        }
    }

    @Test
    void backupRuleAloneNeverCallsDynamoDb() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of("us-east-1")))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("Backup-001")),
                    (r, d, t, n) -> { });
            assertThat(result.checkList()).isEmpty();
            assertThat(aws.stats().snapshot().keySet()).noneMatch(op -> op.startsWith("dynamodb:"))
                    .contains("rds:DescribeDBInstances")
                    // no DB instances in the region: no reason to look at snapshots or backup plans
                    .doesNotContain("rds:DescribeDBSnapshots", "backup:ListBackupPlans");
        }
    }
}
