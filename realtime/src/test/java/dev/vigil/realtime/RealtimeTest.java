package dev.vigil.realtime;

import static dev.vigil.realtime.Fixture.ACCOUNT;
import static dev.vigil.realtime.Fixture.REGION;
import static dev.vigil.realtime.Fixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.EmulatorProxy;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.notify.Digest;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Checks;
import dev.vigil.store.Diff;
import dev.vigil.store.Run;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.store.StoredCheck;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * vigil serve with real-time re-checks on moto: SQS is real (long polling, visibility, deletes, the dead-letter
 * queue), DynamoDB is real, and the events are posted in the exact shape EventBridge delivers CloudTrail's.
 */
class RealtimeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Fixture aws;
    private Store store;
    private Service service;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        aws = new Fixture();
        store = Store.open(StoreLocation.embedded(dir));
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        store.close();
        aws.close();
    }

    /** The service with its realtime plugin; returns once its first scheduled run (before any change) closed. */
    private void serve(URI accountEndpoint, String window, String visibility) throws Exception {
        ServiceConfig config = Fixture.config(aws.yaml(accountEndpoint, window, visibility, "node-a"));
        service = new Service(config, store, Catalog.load(), Fixture.CHANNELS, Fixture.access(),
                List.of(new Realtime(config.realtime(), Fixture.CREDENTIALS, log::add)), log::add);
        service.start();
        await("the first scheduled run closes", WAIT, () -> store.runs().lastScan(ACCOUNT)
                .map(r -> r.outcome() != Run.Outcome.RUNNING).orElse(false));
    }

    private Optional<StoredCheck> check(String table) {
        return store.checks().list(CheckFilter.ALL).stream().filter(c -> c.resourceName().equals(table)).findFirst();
    }

    private List<Run> eventRuns() {
        return store.runs().list(ACCOUNT, 100).stream().filter(r -> r.trigger() == Run.Trigger.EVENT).toList();
    }

    private String event(String name, String table, boolean pitr) {
        return CloudTrailEvents.dynamoDb(ACCOUNT, REGION, name, table, pitr);
    }

    @Test
    void aTableCreatedWithoutPitrFailsAndEnablingItResolvesItThroughEventsAlone() throws Exception {
        serve(aws.moto, "300ms", "5s");
        assertThat(check("sessions")).isEmpty();

        DemoAccount.createTable(aws.dynamo(), "sessions", false);
        aws.post(event("CreateTable", "sessions", false));
        await("the new table fails", WAIT, () -> check("sessions").map(c -> c.status() == Status.FAILURE).orElse(false));
        Run created = eventRuns().getFirst();
        await("its run closes", WAIT, () -> store.runs().get(created.id()).orElseThrow().outcome() != Run.Outcome.RUNNING);
        assertThat(store.runs().get(created.id()).orElseThrow().apiCalls()).as("one DescribeContinuousBackups")
                .isEqualTo(1);
        assertThat(store.checks().history(check("sessions").orElseThrow().id())).extracting(Checks.Change::runId)
                .containsExactly(created.id());
        await("its message is deleted", WAIT, () -> aws.messages(aws.queueUrl) == 0);
        await("the channel is told", WAIT, () -> Fixture.SENT.stream().anyMatch(d -> d.runId().equals(created.id())));
        assertThat(Fixture.SENT.stream().filter(d -> d.runId().equals(created.id())).findFirst().orElseThrow()
                .newFailures()).extracting(Digest.Item::resourceName).containsExactly("sessions");

        aws.dynamo().updateContinuousBackups(r -> r.tableName("sessions")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        aws.post(event("UpdateContinuousBackups", "sessions", true));
        await("the table passes", WAIT, () -> check("sessions").map(c -> c.status() == Status.SUCCESS).orElse(false));
        Run enabled = eventRuns().getFirst();
        await("its run closes", WAIT, () -> store.runs().get(enabled.id()).orElseThrow().outcome() != Run.Outcome.RUNNING);
        assertThat(store.runs().diff(enabled.id()).orElseThrow().resolved()).extracting(Diff.Item::resourceName)
                .containsExactly("sessions");
        await("its message is deleted", WAIT, () -> aws.messages(aws.queueUrl) == 0);
        assertThat(eventRuns()).hasSize(2);
        assertThat(store.runs().lastScan(ACCOUNT).orElseThrow().trigger()).as("no scan ran meanwhile")
                .isEqualTo(Run.Trigger.SCHEDULE);
        assertThat(store.runs().list(ACCOUNT, 100)).hasSize(3);
    }

    @Test
    void aLongPollOfAnEmptyQueueIsNotCutShortAsAStuckCall() throws Exception {
        serve(aws.moto, "300ms", "5s");
        Instant quiet = Instant.now();
        // receivers long-poll (20 s) an empty queue for longer than a scan's call may go unanswered (10 s)
        await("the queue has been empty past a scan call's attempt timeout", WAIT, () -> Duration.between(quiet,
                Instant.now()).compareTo(AwsOptions.DEFAULT_ATTEMPT_TIMEOUT.plusSeconds(2)) > 0);
        DemoAccount.createTable(aws.dynamo(), "late", false);
        aws.post(event("CreateTable", "late", false));
        await("the new table fails", WAIT, () -> check("late").map(c -> c.status() == Status.FAILURE).orElse(false));
        assertThat(log).noneMatch(line -> line.contains("cannot receive"));
    }

    @Test
    void duplicatesAndEventsOutOfOrderEndInTheCurrentStateWithOneReCheck() throws Exception {
        serve(aws.moto, "1s", "5s");
        DemoAccount.createTable(aws.dynamo(), "orders", true);   // created, then PITR enabled: it passes now
        // the enabling event first, then the creation, then stale duplicates of a disabling event
        aws.sqs().sendMessageBatch(r -> r.queueUrl(aws.queueUrl).entries(
                entry("1", event("UpdateContinuousBackups", "orders", true)),
                entry("2", event("CreateTable", "orders", false)),
                entry("3", event("UpdateContinuousBackups", "orders", false)),
                entry("4", event("UpdateContinuousBackups", "orders", false)),
                entry("5", event("UpdateContinuousBackups", "orders", false))));
        await("every message is deleted", WAIT, () -> aws.messages(aws.queueUrl) == 0);
        assertThat(check("orders").orElseThrow().status()).isEqualTo(Status.SUCCESS);
        assertThat(eventRuns()).as("five events of one table within the window: one re-check").singleElement()
                .satisfies(r -> assertThat(r.apiCalls()).isEqualTo(1));
        assertThat(store.runs().targets(eventRuns().getFirst().id())).isEqualTo(Map.of("DynamoDB-003",
                java.util.Set.of("orders")));
    }

    private static software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry entry(String id, String body) {
        return software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder().id(id).messageBody(body)
                .build();
    }

    @Test
    void poisonGoesToTheDeadLetterQueueWithItsReasonAndTheConsumerGoesOn() throws Exception {
        serve(aws.moto, "300ms", "5s");
        var request = JsonNodeFactory.instance.objectNode().put("tableName", "orders");
        aws.post("{not json",
                "{\"hello\": \"world\"}",
                "{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"EC2 Instance State-change Notification\"}",
                CloudTrailEvents.event(ACCOUNT, REGION, "dynamodb.amazonaws.com", "DescribeTable", request, null),
                CloudTrailEvents.event(ACCOUNT, REGION, "s3.amazonaws.com", "PutBucketPolicy",
                        JsonNodeFactory.instance.objectNode().put("bucketName", "logs"), null));
        // not poison: a call that failed changed nothing; an account that is not monitored is not ours
        String failed = event("CreateTable", "orders", false).replace("\"eventVersion\"",
                "\"errorCode\":\"AccessDenied\",\"eventVersion\"");
        aws.post(failed, CloudTrailEvents.dynamoDb("999999999999", REGION, "CreateTable", "theirs", false));
        DemoAccount.createTable(aws.dynamo(), "after", false);
        aws.post(event("CreateTable", "after", false));

        await("the valid event after the poison is re-checked", WAIT,
                () -> check("after").map(c -> c.status() == Status.FAILURE).orElse(false));
        await("the queue is empty", WAIT, () -> aws.messages(aws.queueUrl) == 0);
        List<Message> dead = aws.deadLetters();
        assertThat(dead).extracting(m -> m.messageAttributes().get(QueueConsumer.REASON).stringValue())
                .containsExactlyInAnyOrder("not JSON (line 1, column 2)",
                        "not a CloudTrail event as EventBridge delivers it: detail-type is missing, not 'AWS API Call via CloudTrail'",
                        "not a CloudTrail event as EventBridge delivers it: detail-type is 'EC2 Instance State-change "
                                + "Notification', not 'AWS API Call via CloudTrail'",
                        "no rule is re-checked after dynamodb.amazonaws.com DescribeTable",
                        "no rule is re-checked after s3.amazonaws.com PutBucketPolicy");
        assertThat(dead).extracting(Message::body).contains("{not json", "{\"hello\": \"world\"}");
        assertThat(eventRuns()).hasSize(1);
        assertThat(log).filteredOn(l -> l.contains("dead-letter")).hasSize(5)
                .noneMatch(l -> l.contains("hello") || l.contains("{not json"));
        assertThat(log).anyMatch(l -> l.contains("events of account 999999999999 in us-east-1 are ignored"));
    }

    @Test
    void aFaultingReCheckIsTriedAgainWhenItsMessageComesBack() throws Exception {
        AtomicInteger describes = new AtomicInteger();
        try (EmulatorProxy proxy = new EmulatorProxy(aws.moto)) {
            proxy.when(r -> r.operation().equals("DescribeContinuousBackups") && describes.incrementAndGet() == 1,
                    r -> new EmulatorProxy.Response(400, "application/x-amz-json-1.0",
                            EmulatorProxy.recorded("DynamoDb-AccessDenied.json", Map.of("region", REGION))));
            serve(proxy.endpoint(), "200ms", "2s");
            DemoAccount.createTable(aws.dynamo(), "flaky", false);
            aws.post(event("CreateTable", "flaky", false));

            await("the table fails, on a second try", WAIT,
                    () -> check("flaky").map(c -> c.status() == Status.FAILURE).orElse(false));
            await("the message is deleted", WAIT, () -> aws.messages(aws.queueUrl) == 0);
            List<Run> runs = eventRuns().reversed();
            assertThat(runs).extracting(Run::outcome).containsExactly(Run.Outcome.PARTIAL, Run.Outcome.SUCCEEDED);
            assertThat(log).anyMatch(l -> l.contains("re-check run " + runs.getFirst().id()) && l.contains("ended partial"));
            assertThat(aws.deadLetters()).isEmpty();
        }
    }
}
