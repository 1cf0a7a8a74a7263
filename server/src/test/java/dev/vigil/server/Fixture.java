package dev.vigil.server;

import dev.vigil.aws.AccountConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.Emulator;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.rule.Catalog;
import dev.vigil.notify.Channel;
import dev.vigil.notify.ChannelFilter;
import dev.vigil.notify.Digest;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ConfigLoader;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.Run;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.aws.emulator.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A running {@code vigil serve} for the server's tests: the moto emulator seeded with the demo account (and a table
 * named like a script), the service with the server plugin on a free loopback port, one scheduled run completed, and
 * a read-write and a read-only API key.
 */
final class Fixture implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String HOSTILE = "<script>alert(1)</script>";
    /** A channel's secrets, which must never show. */
    static final String HOOK_URL = "https://hooks.example.invalid/T000/very-secret-path";
    static final String HOOK_SECRET = "s3cr3t-hmac-key";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));


    final Store store;
    final Service service;
    final Server server;
    final String key;
    final String readOnlyKey;
    final Run firstRun;
    final List<String> log = new CopyOnWriteArrayList<>();

    private Fixture(Path dir) throws Exception {
        MotoServer emulator = Emulator.moto();
        emulator.reset();
        AwsOptions options = new AwsOptions(null, List.of("us-east-1", "eu-west-1"), emulator.endpoint(), CREDENTIALS,
                RateLimits.aws());
        try (AccountConnection c = AccountConnection.open(options, null, null, "us-east-1", new CallStats())) {
            DemoAccount.seed(c.connection());
            DemoAccount.createTable(c.connection().client(DynamoDbClient::builder, "eu-west-1"), HOSTILE, false);
        }
        String yaml = "accounts:\n"
                + "  - { id: \"" + ACCOUNT + "\", name: prod, regions: [us-east-1, eu-west-1], schedule: 12h, endpointUrl: "
                + emulator.endpoint() + " }\n"
                + "channels:\n"
                + "  - { name: audit-hook, type: webhook, url: \"" + HOOK_URL + "\", secret: \"" + HOOK_SECRET
                + "\", filter: { riskLevels: [HIGH], statuses: [FAILURE] } }\n"
                + "cluster: { node: test-node, heartbeat: 1s, pollingInterval: 100ms, planEvery: 200ms }\n";
        Catalog catalog = Catalog.load();
        ServiceConfig config = new ConfigLoader(catalog, c -> new Recorder(c.name(), c.type(), c.filter()),
                System::getenv).parse("test.yaml", yaml);
        store = Store.open(StoreLocation.embedded(dir));
        server = new Server(new Listen("127.0.0.1", 0), log::add);
        service = new Service(config, store, catalog, c -> new Recorder(c.name(), c.type(), c.filter()),
                new AwsAccess(CREDENTIALS, RateLimits.aws()), List.of(server), log::add);
        service.start();
        try {
            await("the first scheduled run closes", Duration.ofSeconds(120), () -> store.runs().last(ACCOUNT)
                    .map(r -> r.outcome() != Run.Outcome.RUNNING).orElse(false));
        } catch (AssertionError e) {
            close();
            throw new AssertionError(e.getMessage() + "; the service said: " + String.join(" | ", log), e);
        }
        firstRun = store.runs().last(ACCOUNT).orElseThrow();
        key = store.apiKeys().create("ci", false).secret();
        readOnlyKey = store.apiKeys().create("auditor", true).secret();
    }

    static Fixture start(Path dir) throws Exception {
        return new Fixture(dir);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        service.close();
        store.close();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, condition);
    }

    /** A channel that keeps what it is sent, configured like a real one (its secrets in the config). */
    record Recorder(String name, String type, ChannelFilter filter) implements Channel {

        static final List<Digest> SENT = new CopyOnWriteArrayList<>();

        @Override
        public void send(Digest digest) {
            SENT.add(digest);
        }
    }
}
