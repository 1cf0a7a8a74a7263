package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A throttling endpoint: the proxy enforces DescribeContinuousBackups' published limit (10 calls/s,
 * burst 10, per region) with a server-side token bucket and answers ThrottlingException beyond it.
 */
class PacingTest {

    private static final int TABLES = 30;
    private MotoServer moto;
    private EmulatorProxy proxy;

    /** Server-side bucket, as AWS keeps it. */
    private static final class ServerBucket {
        private final double perSecond;
        private double tokens;
        private long last = System.nanoTime();

        ServerBucket(double perSecond, int burst) {
            this.perSecond = perSecond;
            this.tokens = burst;
        }

        synchronized boolean tryTake(int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens--;
                return true;
            }
            return false;
        }
    }

    @BeforeEach
    void seed() throws Exception {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            DynamoDbClient dynamo = aws.client(DynamoDbClient::builder, "us-east-1");
            for (int i = 0; i < TABLES; i++) {
                DemoAccount.createTable(dynamo, "p-" + i, i % 2 == 0);
            }
        }
        ServerBucket bucket = new ServerBucket(10, 10);
        proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeContinuousBackups") && !bucket.tryTake(10),
                        r -> new Response(400, "application/x-amz-json-1.0",
                                EmulatorProxy.recorded("DynamoDb-Throttling.json", Map.of())));
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private static void assertEveryCheck(ScanResult result) {
        assertThat(result.checkList()).hasSize(TABLES).allMatch(c -> c.status()
                == (Integer.parseInt(c.resourceName().substring(2)) % 2 == 0 ? Status.SUCCESS : Status.FAILURE));
        assertThat(result.faults()).isEmpty();
    }

    @Test
    void pacedAtThePublishedRateTheScanDrawsNoThrottling() {
        AwsOptions published = new AwsOptions(null, List.of("us-east-1"), proxy.endpoint(),
                Emulator.options(proxy.endpoint(), List.of()).credentials(), RateLimits.aws());
        try (AwsConnection aws = new AwsConnection(published)) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("DynamoDB-003")), (r, d, t, n) -> { });
            assertEveryCheck(result);
            var count = aws.stats().snapshot().get("dynamodb:DescribeContinuousBackups");
            assertThat(count.calls()).isEqualTo(TABLES);
            assertThat(count.throttles()).isZero();
            assertThat(count.retries()).isZero();
        }
    }

    @Test
    void pacedTooFastTheServerThrottlesAndBackoffRecoversEveryCheck() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of("us-east-1")))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("DynamoDB-003")), (r, d, t, n) -> { });
            assertEveryCheck(result);
            var count = aws.stats().snapshot().get("dynamodb:DescribeContinuousBackups");
            assertThat(count.calls()).isEqualTo(TABLES);
            assertThat(count.throttles()).isPositive().isEqualTo(count.retries());
        }
    }
}
