package dev.vigil.service;

import static dev.vigil.service.Harness.CALLER;
import static dev.vigil.service.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.Emulator;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.notify.Digest;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Delivery;
import dev.vigil.store.Diff;
import dev.vigil.store.Run;
import dev.vigil.store.Runs;
import dev.vigil.store.RunRegion;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.store.StoredCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil serve in-process on the embedded database and the moto emulator: scheduled and on-demand runs, digests. */
class ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Store store;
    private final List<Service> services = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        Emulator.fresh();
        TestChannels.SENT.clear();
        store = Store.open(StoreLocation.embedded(dir));
    }

    @AfterEach
    void stop() {
        services.forEach(Service::close);
        store.close();
    }

    private Service serve(String yaml) throws Exception {
        ServiceConfig config = new ConfigLoader(Catalog.load(), new TestChannels(), System::getenv).parse("test.yaml", yaml);
        Service service = new Service(config, store, Catalog.load(), new TestChannels(), Harness.access(), List.of(),
                log::add);
        service.start();
        services.add(service);
        return service;
    }

    private static String config(String channels) {
        return "accounts:\n" + Harness.account(CALLER, List.of("us-east-1", "eu-west-1")) + "    schedule: 1h\n"
                + "channels:\n" + channels
                + "cluster: { node: test-node, heartbeat: 300ms, missedHeartbeats: 4, pollingInterval: 100ms, planEvery: 200ms }\n"
                + "delivery: { maxAttempts: 3, firstRetry: 200ms }\n";
    }

    private Run closedRun(String runId) {
        await("run " + runId + " is closed", WAIT,
                () -> store.runs().get(runId).orElseThrow().outcome() != Run.Outcome.RUNNING);
        return store.runs().get(runId).orElseThrow();
    }

    private Run firstRun() {
        await("the scheduled run is planned", WAIT, () -> store.runs().last(CALLER).isPresent());
        return closedRun(store.runs().last(CALLER).orElseThrow().id());
    }

    @Test
    void aScheduledRunStoresEveryRegionAndTheNextRunIsDiffedAndToldOnce() throws Exception {
        Harness.tables(CALLER, "us-east-1", Map.of("orders", true, "sessions", false));
        Harness.tables(CALLER, "eu-west-1", Map.of("customers", false));
        Service service = serve(config("""
                  - { name: everything, type: record, url: "https://example.invalid/all" }
                  - { name: failures, type: record, url: "https://example.invalid/f", filter: { statuses: [FAILURE] } }
                """));

        Run first = firstRun();
        assertThat(first.trigger()).isEqualTo(Run.Trigger.SCHEDULE);
        assertThat(service.nextRun(CALLER)).as("the schedule says 1h").isEqualTo(first.started().plus(Duration.ofHours(1)));
        assertThat(first.outcome()).isEqualTo(Run.Outcome.SUCCEEDED);
        assertThat(first.rules()).containsExactly("DynamoDB-003");
        assertThat(first.jobs()).extracting(RunRegion::region, RunRegion::node, RunRegion::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("eu-west-1", "test-node", RunRegion.State.DONE),
                org.assertj.core.groups.Tuple.tuple("us-east-1", "test-node", RunRegion.State.DONE));
        assertThat(first.apiCalls()).isGreaterThanOrEqualTo(5);   // 2 ListTables + 3 DescribeContinuousBackups
        assertThat(store.checks().list(CheckFilter.ALL.withStatus(Status.FAILURE)))
                .extracting(StoredCheck::resourceName).containsExactlyInAnyOrder("sessions", "customers");
        await("the digest is delivered", WAIT, () -> TestChannels.sent("everything").size() == 1);
        Digest digest = TestChannels.sent("everything").getFirst();
        assertThat(digest.runId()).isEqualTo(first.id());
        assertThat(digest.newFailures()).extracting(Digest.Item::resourceName).containsExactly("customers", "sessions");
        assertThat(digest.newFailures().getFirst().ruleTitle()).isEqualTo("DynamoDB Continuous Backups");

        Harness.dynamo(CALLER, "us-east-1", d -> d.updateContinuousBackups(r -> r.tableName("sessions")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))));
        Harness.dynamo(CALLER, "eu-west-1", d -> d.deleteTable(r -> r.tableName("customers")));
        Runs.Created started = service.scanNow(CALLER);
        assertThat(started.created()).isTrue();
        Run second = started.run();
        Runs.Created joined = service.scanNow(CALLER);
        assertThat(joined.created()).isFalse();
        assertThat(joined.run().id()).as("a second request joins the open run").isEqualTo(second.id());
        second = closedRun(second.id());
        assertThat(second.trigger()).isEqualTo(Run.Trigger.ON_DEMAND);

        Diff diff = store.runs().diff(second.id()).orElseThrow();
        assertThat(diff.newFailures()).isEmpty();
        assertThat(diff.resolved()).extracting(Diff.Item::resourceName, Diff.Item::gone).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("sessions", false), org.assertj.core.groups.Tuple.tuple("customers", true));
        assertThat(store.checks().list(CheckFilter.ALL.withStatus(Status.FAILURE))).isEmpty();
        await("the second digest is delivered", WAIT, () -> TestChannels.sent("everything").size() == 2);
        assertThat(TestChannels.sent("everything").get(1).resolved()).hasSize(2);
        // the failures-only channel had nothing to hear about the second run: no message
        assertThat(store.deliveries().forRun(second.id())).extracting(Delivery::channel).containsExactly("everything");
        assertThat(TestChannels.sent("failures")).hasSize(1);
    }

    @Test
    void deliveriesAreRetriedWithBackoffAndOneFailingChannelHoldsUpNoOther() throws Exception {
        Harness.tables(CALLER, "us-east-1", Map.of("sessions", false));
        serve(config("""
                  - { name: flaky, type: failing, failures: 2, url: "https://example.invalid/flaky" }
                  - { name: broken, type: failing, failures: 99, retryable: "false", url: "https://example.invalid/broken" }
                  - { name: fine, type: record, url: "https://example.invalid/fine" }
                """));
        Run run = firstRun();
        String flaky = run.id() + "/flaky";
        await("the flaky channel gets through", WAIT,
                () -> store.deliveries().get(flaky).map(d -> d.state() == Delivery.State.SENT).orElse(false));
        assertThat(store.deliveries().get(flaky).orElseThrow().attempts()).extracting(Delivery.Attempt::outcome)
                .containsExactly(Delivery.Outcome.RETRY, Delivery.Outcome.RETRY, Delivery.Outcome.SENT);
        assertThat(store.deliveries().get(flaky).orElseThrow().attempts().getFirst().error())
                .isEqualTo("HTTP 503 from the test endpoint");
        await("the broken channel gives up", WAIT, () -> store.deliveries().get(run.id() + "/broken")
                .map(d -> d.state() == Delivery.State.FAILED).orElse(false));
        Delivery broken = store.deliveries().get(run.id() + "/broken").orElseThrow();
        assertThat(broken.state()).isEqualTo(Delivery.State.FAILED);
        assertThat(broken.attempts()).hasSize(1);
        await("the fine channel is sent", WAIT, () -> TestChannels.sent("fine").size() == 1);
        assertThat(TestChannels.sent("flaky")).hasSize(1);
    }

    @Test
    void aPendingDeliveryResumesAfterARestart() throws Exception {
        Harness.tables(CALLER, "us-east-1", Map.of("sessions", false));
        String yaml = config("  - { name: flaky, type: failing, failures: 1, url: \"https://example.invalid/f\" }\n")
                .replace("firstRetry: 200ms", "firstRetry: 2s");
        Service first = serve(yaml);
        Run run = firstRun();
        String id = run.id() + "/flaky";
        await("the first attempt failed", WAIT,
                () -> store.deliveries().get(id).map(d -> !d.attempts().isEmpty()).orElse(false));
        first.close();
        services.remove(first);
        assertThat(store.deliveries().get(id).orElseThrow().state()).isEqualTo(Delivery.State.PENDING);

        serve(yaml);   // a new process would build the channel anew: this one fails once more, then sends
        await("the delivery resumes and is sent", WAIT,
                () -> store.deliveries().get(id).orElseThrow().state() == Delivery.State.SENT);
        assertThat(store.deliveries().get(id).orElseThrow().attempts()).extracting(Delivery.Attempt::outcome)
                .containsExactly(Delivery.Outcome.RETRY, Delivery.Outcome.RETRY, Delivery.Outcome.SENT);
    }

    @Test
    void withoutAccountsTheServiceStartsAndStopsWithNothingToDo() throws Exception {
        Service service = serve("");
        assertThat(service.config().accounts()).isEmpty();
        assertThat(store.runs().list(null, 10)).isEmpty();
        Optional<String> started = log.stream().filter(l -> l.startsWith("node ")).findFirst();
        assertThat(started).hasValueSatisfying(l -> assertThat(l).contains("0 account(s)"));
    }
}
