package dev.vigil.cli;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.realtime.CloudTrailEvents;
import dev.vigil.realtime.EmulatedQueue;
import dev.vigil.realtime.Realtime;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ChannelMaker;
import dev.vigil.service.ConfigLoader;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Run;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.store.StoredCheck;
import dev.vigil.aws.emulator.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code vigil demo --realtime}: the service with real-time re-checks on the emulator. A queue stands where
 * EventBridge would deliver CloudTrail's events; the demo changes a table, posts the event EventBridge would post,
 * and shows the store change seconds later, through an event re-check of that table alone.
 */
final class RealtimeDemo {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private RealtimeDemo() {
    }

    static void run(MotoServer moto, AwsOptions options) throws Exception {
        EmulatedQueue queue;
        try (AwsConnection aws = new AwsConnection(options)) {
            queue = EmulatedQueue.create(aws.client(SqsClient::builder, REGION), "vigil-events");
        }
        Path dir = Files.createTempDirectory("vigil-demo-realtime");
        String yaml = DemoCommand.accounts(moto)
                + "realtime:\n  queues:\n    - { url: \"" + queue.url() + "\", region: " + REGION + ", endpointUrl: \""
                + moto.endpoint() + "\" }\n  window: 1s\n";
        ServiceConfig config = new ConfigLoader(Catalog.load(), ChannelMaker.NOTIFY, System::getenv)
                .parse("demo.yaml", yaml);
        AwsAccess access = new AwsAccess(options.credentials(), options.limits());
        System.err.println("Starting the service (vigil serve) with real-time re-checks: a queue on the emulator stands "
                + "where EventBridge delivers CloudTrail's events (vigil realtime setup makes the real ones).");
        String lastEvent;
        try (Store store = Store.open(StoreLocation.embedded(dir));
             Service service = new Service(config, store, Catalog.load(), ChannelMaker.NOTIFY, access,
                     List.of(new Realtime(config.realtime(), access.credentials(), line -> System.err.println("  " + line))),
                     line -> System.err.println("  " + line));
             AwsConnection aws = new AwsConnection(options)) {
            service.start();
            await("the first scheduled run", () -> store.runs().lastScan(ACCOUNT)
                    .map(r -> r.outcome() != Run.Outcome.RUNNING).orElse(false));
            System.err.println();
            DynamoDbClient dynamo = aws.client(DynamoDbClient::builder, REGION);
            SqsClient sqs = aws.client(SqsClient::builder, REGION);

            System.err.println("Creating the table 'payments' in " + REGION + " without point-in-time recovery, and "
                    + "posting the CreateTable event ...");
            DemoAccount.createTable(dynamo, "payments", false);
            Instant posted = Instant.now();
            sqs.sendMessage(r -> r.queueUrl(queue.url())
                    .messageBody(CloudTrailEvents.dynamoDb(ACCOUNT, REGION, "CreateTable", "payments", false)));
            show(store, "payments", Status.FAILURE, posted);

            System.err.println("Enabling point-in-time recovery on 'sessions' (it failed in the scheduled run), and "
                    + "posting the UpdateContinuousBackups event ...");
            dynamo.updateContinuousBackups(r -> r.tableName("sessions")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            posted = Instant.now();
            sqs.sendMessage(r -> r.queueUrl(queue.url())
                    .messageBody(CloudTrailEvents.dynamoDb(ACCOUNT, REGION, "UpdateContinuousBackups", "sessions", true)));
            lastEvent = show(store, "sessions", Status.SUCCESS, posted);
        }
        DemoCommand.show(dir, "runs");
        DemoCommand.show(dir, "diff", lastEvent);
        DemoCommand.show(dir, "checks", "--rule", "DynamoDB-003", "--region", REGION);
        System.err.println("Set it up on your accounts: ./vigil realtime setup --emit cloudformation > vigil-realtime.yaml,"
                + " deploy it, and add the queue's URL under realtime.queues in vigil.yaml.");
    }

    /** Waits for the table's check to reach {@code status} through an event run, says how long it took; its run. */
    private static String show(Store store, String table, Status status, Instant posted) {
        await(table + " to be " + status, () -> check(store, table).map(c -> c.status() == status
                && !c.lastModified().isBefore(posted)).orElse(false));
        Duration took = Duration.between(posted, Instant.now());
        Run run = store.runs().list(ACCOUNT, 20).stream().filter(r -> r.trigger() == Run.Trigger.EVENT).findFirst()
                .orElseThrow();
        System.err.printf("  -> %s is %s in the store %.1f s after the event (run %s, trigger event, %d API call(s)).%n%n",
                table, status, took.toMillis() / 1000.0, run.id(), run.apiCalls());
        return run.id();
    }

    private static Optional<StoredCheck> check(Store store, String table) {
        return store.checks().list(new CheckFilter(ACCOUNT, "DynamoDB-003", null, null, REGION, false, 0)).stream()
                .filter(c -> c.resourceName().equals(table)).findFirst();
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, condition, line -> new Vigil.UserException("the demo " + line));
    }
}
