package dev.vigil.service;

import static dev.vigil.service.Harness.CALLER;
import static dev.vigil.service.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.Emulator;
import dev.vigil.core.rule.Catalog;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Run;
import dev.vigil.store.RunRegion;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.testkit.PostgresServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while a job is collecting: the job's commit fails and rolls back, the run is marked failed
 * once the database is back, and the account is tried again after {@code retryFailedAfter}; the store holds
 * nothing of the failed run.
 */
class DatabaseLostTest {

    private static final int TABLES = 40;

    @Test
    void aRunThatLostTheDatabaseFailsWithNothingHalfWrittenAndIsRetried() throws Exception {
        Emulator.fresh();
        Map<String, Boolean> tables = new LinkedHashMap<>();
        for (int i = 0; i < TABLES; i++) {
            tables.put("t-" + i, i % 2 == 0);
        }
        Harness.tables(CALLER, "us-east-1", tables);
        PostgresServer server = PostgresServer.shared();
        List<String> log = new CopyOnWriteArrayList<>();
        ServiceConfig config = new ConfigLoader(Catalog.load(), new TestChannels(), System::getenv).parse("test.yaml",
                "accounts:\n" + Harness.account(CALLER, List.of("us-east-1"))
                        + "cluster: { node: n, heartbeat: 300ms, missedHeartbeats: 4, pollingInterval: 100ms, planEvery: 300ms }\n"
                        + "retryFailedAfter: 1s\n");
        try (Store store = Store.open(StoreLocation.parse(server.newDatabase()));
             Service service = new Service(config, store, Catalog.load(), new TestChannels(), Harness.access(), List.of(),
                     log::add)) {
            service.start();
            await("the job is collecting", Duration.ofSeconds(60), () -> store.runs().last(CALLER)
                    .map(r -> r.jobs().getFirst().state() == RunRegion.State.RUNNING).orElse(false));
            String lost = store.runs().last(CALLER).orElseThrow().id();
            server.kill();
            try {
                await("the job finds the database gone", Duration.ofSeconds(60),
                        () -> log.stream().anyMatch(l -> l.contains("nothing of the region was written")));
            } finally {
                server.resume();
            }
            await("the lost run is marked failed", Duration.ofSeconds(60),
                    () -> store.runs().get(lost).orElseThrow().outcome() == Run.Outcome.FAILED);
            assertThat(store.runs().get(lost).orElseThrow().error()).isEqualTo("lost the database while scanning us-east-1");
            assertThat(store.runs().get(lost).orElseThrow().jobs().getFirst().checks()).isZero();

            await("a retry run succeeds", Duration.ofSeconds(60), () -> store.runs().last(CALLER)
                    .map(r -> !r.id().equals(lost) && r.outcome() == Run.Outcome.SUCCEEDED).orElse(false));
            assertThat(store.checks().list(CheckFilter.ALL)).hasSize(TABLES);
            for (var check : store.checks().list(CheckFilter.ALL)) {
                assertThat(store.checks().history(check.id())).singleElement()
                        .satisfies(h -> assertThat(h.runId()).isNotEqualTo(lost));
            }
        }
    }
}
