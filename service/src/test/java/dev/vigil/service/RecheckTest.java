package dev.vigil.service;

import static dev.vigil.service.Harness.CALLER;
import static dev.vigil.service.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.aws.Emulator;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.notify.Digest;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Run;
import dev.vigil.store.Runs;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.store.StoredCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event re-checks through the service on moto: the same job as a scheduled scan, limited to named resources,
 * committed through the same lifecycle and told through the same channels, as a run with trigger {@code event}.
 */
class RecheckTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String REGION = "us-east-1";

    @TempDir
    Path dir;

    private Store store;
    private Service service;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        Emulator.fresh();
        TestChannels.SENT.clear();
        store = Store.open(StoreLocation.embedded(dir));
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        store.close();
    }

    private void serve() throws Exception {
        String yaml = "accounts:\n" + Harness.account(CALLER, List.of(REGION)) + "    schedule: 1h\n"
                + "channels:\n  - { name: all, type: record, url: \"https://example.invalid/all\" }\n"
                + "cluster: { node: test-node, heartbeat: 300ms, missedHeartbeats: 4, pollingInterval: 100ms, "
                + "planEvery: 200ms }\n";
        ServiceConfig config = new ConfigLoader(Catalog.load(), new TestChannels(), System::getenv).parse("t.yaml", yaml);
        service = new Service(config, store, Catalog.load(), new TestChannels(), Harness.access(), List.of(), log::add);
        service.start();
        await("the first scheduled run closes", WAIT, () -> store.runs().lastScan(CALLER)
                .map(r -> r.outcome() != Run.Outcome.RUNNING).orElse(false));
    }

    private Run closed(Run run) {
        await("run " + run.id() + " closes", WAIT,
                () -> store.runs().get(run.id()).orElseThrow().outcome() != Run.Outcome.RUNNING);
        return store.runs().get(run.id()).orElseThrow();
    }

    private Run recheck(Set<String> tables) {
        Recheck asked = new Recheck(CALLER, REGION, Set.of("DynamoDB-003"), Map.of("DynamoDB-003", tables));
        Optional<Run> started = Optional.empty();
        for (int i = 0; i < 100 && started.isEmpty(); i++) {
            started = service.recheck(asked);   // busy while the scheduled run holds the region
        }
        return closed(started.orElseThrow());
    }

    private Status status(String table) {
        return store.checks().list(CheckFilter.ALL).stream().filter(c -> c.resourceName().equals(table))
                .map(StoredCheck::status).findFirst().orElseThrow();
    }

    @Test
    void aReCheckReadsOnlyTheNamedTablesAndIsToldLikeAnyRun() throws Exception {
        Harness.tables(CALLER, REGION, Map.of("orders", true, "audit", true));
        serve();
        assertThat(store.checks().list(CheckFilter.ALL.withStatus(Status.FAILURE))).isEmpty();

        Harness.tables(CALLER, REGION, Map.of("sessions", false));
        Harness.dynamo(CALLER, REGION, d -> d.updateContinuousBackups(r -> r.tableName("audit")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false))));
        Run event = recheck(Set.of("sessions"));
        assertThat(event.trigger()).isEqualTo(Run.Trigger.EVENT);
        assertThat(event.outcome()).isEqualTo(Run.Outcome.SUCCEEDED);
        assertThat(event.regions()).containsExactly(REGION);
        assertThat(event.apiCalls()).as("one DescribeContinuousBackups, no ListTables").isEqualTo(1);
        assertThat(status("sessions")).isEqualTo(Status.FAILURE);
        assertThat(status("audit")).as("not named: not read, left as it was").isEqualTo(Status.SUCCESS);
        assertThat(store.runs().openRun(CALLER)).as("an event re-check is not the account's open run").isEmpty();
        await("the event run's digest is delivered", WAIT, () -> TestChannels.sent("all").stream()
                .anyMatch(d -> d.runId().equals(event.id())));
        Digest digest = TestChannels.sent("all").stream().filter(d -> d.runId().equals(event.id())).findFirst()
                .orElseThrow();
        assertThat(digest.newFailures()).extracting(Digest.Item::resourceName).containsExactly("sessions");

        Harness.dynamo(CALLER, REGION, d -> d.deleteTable(r -> r.tableName("sessions")));
        Run deleted = recheck(Set.of("sessions"));
        assertThat(store.runs().diff(deleted.id()).orElseThrow().resolved()).singleElement()
                .satisfies(i -> assertThat(i.gone()).isTrue());
        assertThat(store.runs().lastScan(CALLER).orElseThrow().trigger()).isEqualTo(Run.Trigger.SCHEDULE);
    }

    @Test
    void aRegionThatAScanHoldsIsBusyAndAnEventRunWithoutItsTaskIsPickedUpByThePlanner() throws Exception {
        Harness.tables(CALLER, REGION, Map.of("orders", false));
        serve();
        // a scan whose job is still queued (the planner queues it at its next round, 200 ms on)
        Run scan = store.runs().create(new Runs.NewRun(CALLER, "acct", Run.Trigger.ON_DEMAND, List.of(REGION),
                List.of("DynamoDB-003"))).run();
        Recheck asked = new Recheck(CALLER, REGION, Set.of("DynamoDB-003"), Map.of("DynamoDB-003", Set.of("orders")));
        assertThat(service.recheck(asked)).as("the scan's job will read the current state").isEmpty();
        assertThat(closed(scan).outcome()).isEqualTo(Run.Outcome.SUCCEEDED);
        assertThat(store.runs().list(CALLER, 10)).noneMatch(r -> r.trigger() == Run.Trigger.EVENT);

        // a node that died between creating an event run and queueing its job: the planner queues it
        Run orphan = store.runs().create(new Runs.NewRun(CALLER, "acct", Run.Trigger.EVENT, List.of(REGION),
                List.of("DynamoDB-003"), Map.of("DynamoDB-003", Set.of("orders")))).run();
        assertThat(closed(orphan).outcome()).isEqualTo(Run.Outcome.SUCCEEDED);
        assertThat(closed(orphan).apiCalls()).isEqualTo(1);

        assertThatThrownBy(() -> service.recheck(new Recheck("999999999999", REGION, Set.of("DynamoDB-003"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the config");
    }

    @Test
    void mergedReChecksKeepEveryRuleAndNarrowOnlyWhereBothDo() {
        Recheck tables = new Recheck(CALLER, REGION, Set.of("DynamoDB-003"), Map.of("DynamoDB-003", Set.of("a")));
        Recheck more = new Recheck(CALLER, REGION, Set.of("DynamoDB-003", "Backup-001"),
                Map.of("DynamoDB-003", Set.of("b")));
        Recheck merged = tables.merge(more);
        assertThat(merged.rules()).containsExactlyInAnyOrder("DynamoDB-003", "Backup-001");
        assertThat(merged.resources()).isEqualTo(Map.of("DynamoDB-003", Set.of("a", "b")));
        Recheck whole = merged.merge(new Recheck(CALLER, REGION, Set.of("DynamoDB-003"), Map.of()));
        assertThat(whole.resources()).isEmpty();
        assertThat(whole.size()).isEqualTo(2);
        assertThatThrownBy(() -> tables.merge(new Recheck(CALLER, "eu-west-1", Set.of("DynamoDB-003"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
