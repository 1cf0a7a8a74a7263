package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Endpoints that never answer, with the production timeouts: a stuck call becomes an ERROR (or, for the call
 * that identifies the account, one clear line) within seconds, while an endpoint that is slow but answers is
 * not cut off. The bounds asserted are generous; each test prints the time it measured.
 */
class TimeoutsTest {

    /** Far above the expected ~20 s (two attempts of 10 s), far below the 5 minutes a stuck call used to cost. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static MotoServer moto;

    @BeforeAll
    static void seed() {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            for (String region : List.of("us-east-1", "eu-west-1")) {
                DemoAccount.createTable(aws.client(DynamoDbClient::builder, region), "off", false);
            }
        }
    }

    /** A socket that accepts connections and never answers, until closed. */
    private static final class Silent implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        Silent() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void anEndpointThatNeverAnswersIsOneClearLineWithinSeconds() throws Exception {
        try (Silent silent = new Silent();
             AwsConnection aws = new AwsConnection(Emulator.options(silent.endpoint(), List.of("us-east-1"))
                     .withAttemptTimeout(AwsOptions.DEFAULT_ATTEMPT_TIMEOUT))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new LiveScanner(aws).scan(Catalog.load().all(), (r, d, t, n) -> { }))
                    .isInstanceOf(AwsAccessException.class)
                    .hasMessageStartingWith("cannot reach AWS:")
                    .hasMessageNotContaining("software.amazon")
                    .satisfies(e -> System.out.println("stuck endpoint: " + e.getMessage()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("stuck endpoint: scan refused after %.1f s%n", took.toMillis() / 1000.0);
            assertThat(took).isLessThan(BOUND);
            assertThat(aws.stats().snapshot().get("sts:GetCallerIdentity").attempts())
                    .isEqualTo(PacedRetryStrategy.MAX_UNANSWERED_ATTEMPTS);
        }
    }

    @Test
    void aStuckListingIsAnErrorForItsRegionWithinSecondsAndTheOtherRegionCompletes() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint()).when(
                r -> r.operation().equals("ListTables") && r.region().equals("eu-west-1"),
                r -> {
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new EmulatorProxy.Response(500, "text/plain", "");
                });
             AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(),
                     List.of("us-east-1", "eu-west-1")).withAttemptTimeout(AwsOptions.DEFAULT_ATTEMPT_TIMEOUT))) {
            long start = System.nanoTime();
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("DynamoDB-003")),
                    (r, d, t, n) -> { });
            Map<String, Status> statuses = result.checkList().stream()
                    .collect(Collectors.toMap(Check::resource, Check::status));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            released.countDown();
            System.out.printf("stuck ListTables: region ERROR after %.1f s: %s%n", took.toMillis() / 1000.0,
                    result.checkList().stream().filter(c -> c.status() == Status.ERROR).findFirst().orElseThrow()
                            .message());

            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "arn:aws:dynamodb:us-east-1:123456789012:table/off", Status.FAILURE,
                    "dynamodb:ListTables@123456789012/eu-west-1", Status.ERROR));
            assertThat(result.checkList()).filteredOn(c -> c.status() == Status.ERROR).singleElement()
                    .satisfies(c -> assertThat(c.message()).startsWith("no answer within 10 s"));
            assertThat(took).isLessThan(BOUND);
        }
    }

    @Test
    void aSlowButWorkingEndpointIsNotCutOff() throws Exception {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .slow(r -> r.operation().equals("ListTables"), Duration.ofSeconds(3));
             AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of("us-east-1"))
                     .withAttemptTimeout(AwsOptions.DEFAULT_ATTEMPT_TIMEOUT))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("DynamoDB-003")),
                    (r, d, t, n) -> { });
            assertThat(result.checkList()).extracting(Check::resource, Check::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("arn:aws:dynamodb:us-east-1:123456789012:table/off",
                            Status.FAILURE));
            assertThat(aws.stats().snapshot().get("dynamodb:ListTables").retries()).isZero();
        }
    }
}
