package dev.vigil.aws;

import static dev.vigil.aws.EmulatorProxy.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Faults injected by the proxy in front of moto (AWS's documented error shapes), real SDK retry path. */
class LiveScanFaultsTest {

    private static MotoServer moto;

    @BeforeAll
    static void seed() {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            for (String region : List.of("us-east-1", "eu-west-1")) {
                DynamoDbClient dynamo = aws.client(DynamoDbClient::builder, region);
                DemoAccount.createTable(dynamo, "on", true);
                DemoAccount.createTable(dynamo, "off", false);
            }
        }
    }

    private record Scan(ScanResult result, CallStats stats) {
        Map<String, Status> statuses() {
            return result.checkList().stream().collect(Collectors.toMap(Check::resource, Check::status));
        }
    }

    private static Scan scanDynamo(URI endpoint) {
        try (AwsConnection aws = new AwsConnection(Emulator.options(endpoint, List.of("us-east-1", "eu-west-1")))) {
            return new Scan(new LiveScanner(aws).scan(Catalog.load().select(List.of("DynamoDB-003")), (r, d, t, n) -> { }),
                    aws.stats());
        }
    }

    @Test
    void accessDeniedInOneRegionIsAnErrorForThatRegionWhileTheRestCompletes() throws Exception {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("ListTables") && r.region().equals("eu-west-1"),
                        r -> new Response(400, "application/x-amz-json-1.0",
                                recorded("DynamoDb-AccessDenied.json", Map.of("region", "eu-west-1"))))) {
            Scan scan = scanDynamo(proxy.endpoint());
            ScanResult result = scan.result();

            assertThat(scan.statuses())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "arn:aws:dynamodb:us-east-1:123456789012:table/on", Status.SUCCESS,
                            "arn:aws:dynamodb:us-east-1:123456789012:table/off", Status.FAILURE,
                            "dynamodb:ListTables@123456789012/eu-west-1", Status.ERROR));
            Check error = result.checkList().stream().filter(c -> c.status() == Status.ERROR).findFirst().orElseThrow();
            assertThat(error.message()).startsWith("AccessDeniedException: User: arn:aws:iam::123456789012:user/auditor");
            assertThat(result.faults()).hasSize(1);
            // access denied is not retried
            assertThat(proxy.requests("ListTables")).filteredOn(r -> r.region().equals("eu-west-1")).hasSize(1);
        }
    }

    @Test
    void throttledCallsAreRetriedUntilTheySucceedAndNoCheckIsLost() throws Exception {
        AtomicInteger throttled = new AtomicInteger();
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeContinuousBackups") && throttled.getAndIncrement() < 6,
                        r -> new Response(400, "application/x-amz-json-1.0", recorded("DynamoDb-Throttling.json", Map.of())))) {
            Scan scan = scanDynamo(proxy.endpoint());
            ScanResult result = scan.result();

            assertThat(scan.statuses())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "arn:aws:dynamodb:us-east-1:123456789012:table/on", Status.SUCCESS,
                            "arn:aws:dynamodb:us-east-1:123456789012:table/off", Status.FAILURE,
                            "arn:aws:dynamodb:eu-west-1:123456789012:table/on", Status.SUCCESS,
                            "arn:aws:dynamodb:eu-west-1:123456789012:table/off", Status.FAILURE));
            var count = scan.stats().snapshot().get("dynamodb:DescribeContinuousBackups");
            assertThat(count.calls()).isEqualTo(4);
            assertThat(count.retries()).isEqualTo(6);
            assertThat(count.throttles()).isEqualTo(6);
        }
    }

    @Test
    void tableDeletedAfterListingIsSkippedAndOtherPerTableFaultsAreErrorsForThatTable() throws Exception {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeContinuousBackups") && r.region().equals("us-east-1")
                                && r.body().contains("\"off\""),
                        r -> new Response(400, "application/x-amz-json-1.0", recorded("DynamoDb-TableNotFound.json", Map.of())))
                .when(r -> r.operation().equals("DescribeContinuousBackups") && r.region().equals("us-east-1")
                                && r.body().contains("\"on\""),
                        r -> new Response(400, "application/x-amz-json-1.0", recorded("DynamoDb-Validation.json", Map.of())))) {
            Scan scan = scanDynamo(proxy.endpoint());
            ScanResult result = scan.result();

            assertThat(scan.statuses())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "arn:aws:dynamodb:us-east-1:123456789012:table/on", Status.ERROR,
                            "arn:aws:dynamodb:eu-west-1:123456789012:table/on", Status.SUCCESS,
                            "arn:aws:dynamodb:eu-west-1:123456789012:table/off", Status.FAILURE));
            assertThat(result.checkList()).filteredOn(c -> c.status() == Status.ERROR).singleElement()
                    .satisfies(c -> assertThat(c.message()).isEqualTo("Point-in-time recovery status could not be read: "
                            + "dynamodb:DescribeContinuousBackups failed: ValidationException: 1 validation error detected: "
                            + "Value 'on' at 'tableName' failed to satisfy constraint"));
        }
    }

    @Test
    void unreachableEndpointIsOneClearLine() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(URI.create("http://127.0.0.1:9"), List.of("us-east-1")))) {
            assertThatThrownBy(() -> new LiveScanner(aws).scan(Catalog.load().all(), (r, d, t, n) -> { }))
                    .isInstanceOf(AwsAccessException.class)
                    .hasMessageStartingWith("cannot reach AWS:")
                    .hasMessageContaining("--endpoint-url");
        }
    }

    @Test
    void badRegionNamesAreUsageErrorsNamingTheKnownOnes() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of("us-east-1", "xx-moon-1")))) {
            assertThatThrownBy(() -> new LiveScanner(aws).scan(Catalog.load().all(), (r, d, t, n) -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown region xx-moon-1").hasMessageContaining("eu-west-1");
        }
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of("moon")))) {
            assertThatThrownBy(() -> new LiveScanner(aws).scan(Catalog.load().all(), (r, d, t, n) -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'moon' is not an AWS region name (like us-east-1)");
        }
    }
}
