package dev.vigil.aws;

import static dev.vigil.aws.EmulatorProxy.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Answers AWS would never give, injected by the proxy in front of moto: HTTP 200 with an empty, foreign or
 * incomplete body, and a next-page token that never ends. Each is a fault of its scope (an ERROR), never resources
 * that silently vanish or a verdict made up from what is missing. Everything not injected is moto's.
 */
class MalformedResponsesTest {

    private static final String EAST = "us-east-1";
    private static final String WEST = "eu-west-1";
    private static MotoServer moto;

    @BeforeAll
    static void seed() {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            for (String region : List.of(EAST, WEST)) {
                DemoAccount.createTable(aws.client(DynamoDbClient::builder, region), "on", true);
                DemoAccount.createTable(aws.client(DynamoDbClient::builder, region), "off", false);
                DemoAccount.createDatabase(aws.client(RdsClient::builder, region), "db-" + region, "postgres", Map.of());
            }
        }
    }

    /** Scans both regions with one rule, {@code op} in us-east-1 answered by {@code answer}. */
    private static ScanResult scan(String rule, Predicate<EmulatorProxy.Request> op, Response answer) throws Exception {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint()).when(r -> op.test(r) && r.region().equals(EAST),
                r -> answer);
             AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(EAST, WEST)))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of(rule)), (r, d, t, n) -> { });
            result.checkList();
            return result;
        }
    }

    private static Predicate<EmulatorProxy.Request> operation(String name) {
        return r -> r.operation().equals(name);
    }

    private static Map<String, Status> statuses(ScanResult result) {
        return result.checkList().stream().collect(Collectors.toMap(Check::resource, Check::status));
    }

    private static Check check(ScanResult result, String resource) {
        return result.checkList().stream().filter(c -> c.resource().equals(resource)).findFirst().orElseThrow();
    }

    private static String table(String region, String name) {
        return "arn:aws:dynamodb:" + region + ":123456789012:table/" + name;
    }

    @Test
    void listTablesAnsweringAnEmptyObjectIsAnErrorForTheRegionNotARegionWithoutTables() throws Exception {
        ScanResult result = scan("DynamoDB-003", operation("ListTables"),
                new Response(200, "application/x-amz-json-1.0", "{}"));

        assertThat(statuses(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "dynamodb:ListTables@123456789012/" + EAST, Status.ERROR,
                table(WEST, "on"), Status.SUCCESS, table(WEST, "off"), Status.FAILURE));
        assertThat(check(result, "dynamodb:ListTables@123456789012/" + EAST).message()).isEqualTo(
                "AWS answered without TableNames, which it always sends: the body was empty or not a "
                        + "dynamodb:ListTables response");
    }

    @Test
    void listTablesAnsweringHtmlSaysWhatCameBackInOneLineWithoutJavaNames() throws Exception {
        ScanResult result = scan("DynamoDB-003", operation("ListTables"),
                new Response(200, "text/html", "<html><body>Service Unavailable</body></html>"));

        String message = check(result, "dynamodb:ListTables@123456789012/" + EAST).message();
        assertThat(message).startsWith("AWS's answer could not be read").contains("Unexpected character ('<'")
                .doesNotContain("software.amazon", "Exception", "\n");
    }

    @Test
    void describeDbInstancesAnsweringHtmlOrNothingIsAnErrorForTheRegion() throws Exception {
        for (Response answer : List.of(new Response(200, "text/html", "<html><body>Hello</body></html>"),
                new Response(200, "text/xml", ""))) {
            ScanResult result = scan("Backup-001", operation("DescribeDBInstances"), answer);

            assertThat(statuses(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "rds:DescribeDBInstances@123456789012/" + EAST, Status.ERROR,
                    "arn:aws:rds:" + WEST + ":123456789012:db:db-" + WEST, Status.FAILURE));
            assertThat(check(result, "rds:DescribeDBInstances@123456789012/" + EAST).message())
                    .startsWith("AWS answered without DBInstances, which it always sends");
        }
    }

    @Test
    void aDbInstanceWithoutItsIdentifierIsAFaultOfTheRegionAndTheOthersCannotFail() throws Exception {
        ScanResult result = scan("Backup-001", operation("DescribeDBInstances"), new Response(200, "text/xml",
                recorded("DescribeDBInstances-no-identifier.xml", Map.of("region", EAST))));

        String whole = "arn:aws:rds:" + EAST + ":123456789012:db:whole-db";
        assertThat(statuses(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "rds:DescribeDBInstances@123456789012/" + EAST, Status.ERROR,
                whole, Status.ERROR,
                "arn:aws:rds:" + WEST + ":123456789012:db:db-" + WEST, Status.FAILURE));
        assertThat(check(result, "rds:DescribeDBInstances@123456789012/" + EAST).message()).isEqualTo(
                "AWS answered 1 DB instance(s) without the DBInstanceIdentifier or DBInstanceArn it always sends; "
                        + "they cannot be judged");
        assertThat(check(result, whole).message()).startsWith("cannot be decided: rds:DescribeDBInstances failed");
        assertThat(result.notes()).extracting(n -> n.text()).contains(
                "Whether AWS Backup is in use for Amazon RDS cannot be decided in us-east-1 (0 of 1 DB instances "
                        + "protected, 1 undecided)");
    }

    @Test
    void continuousBackupsWithoutThePitrDescriptionIsAnErrorForThatTableNotAFailure() throws Exception {
        ScanResult result = scan("DynamoDB-003", r -> r.operation().equals("DescribeContinuousBackups")
                        && r.body().contains("\"off\""),
                new Response(200, "application/x-amz-json-1.0",
                        "{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\"}}"));

        assertThat(statuses(result)).containsEntry(table(EAST, "off"), Status.ERROR)
                .containsEntry(table(EAST, "on"), Status.SUCCESS);
        assertThat(check(result, table(EAST, "off")).message()).isEqualTo("Point-in-time recovery status could not "
                + "be read: dynamodb:DescribeContinuousBackups answered without PointInTimeRecoveryDescription, "
                + "which AWS always sends");
    }

    @Test
    void aNextPageTokenThatNeverEndsIsAnErrorAfterOneRepeatNotAHang() throws Exception {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint()).when(
                r -> r.operation().equals("ListTables") && r.region().equals(EAST),
                r -> new Response(200, "application/x-amz-json-1.0",
                        "{\"TableNames\":[\"on\"],\"LastEvaluatedTableName\":\"on\"}"));
             AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(EAST, WEST)))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("DynamoDB-003")),
                    (r, d, t, n) -> { });

            assertThat(check(result, "dynamodb:ListTables@123456789012/" + EAST).message()).isEqualTo(
                    "AWS returned a next-page token it had already returned (page 2): the listing would never end");
            assertThat(proxy.requests("ListTables")).filteredOn(r -> r.region().equals(EAST)).hasSize(2);
            assertThat(statuses(result)).containsEntry(table(WEST, "off"), Status.FAILURE);
        }
    }
}
