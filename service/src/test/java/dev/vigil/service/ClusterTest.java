package dev.vigil.service;

import static dev.vigil.service.Harness.CALLER;
import static dev.vigil.service.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.Emulator;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Run;
import dev.vigil.store.RunRegion;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several service nodes as separate processes on one store, one of them killed with SIGKILL in the middle of a
 * job: the jobs are shared, each (account, region) runs on one node at a time, the dead node's job is taken over
 * (db-scheduler's dead-execution detection), and the store ends with every check once.
 */
class ClusterTest {

    private static final String MEMBER = "111111111111";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    /** At AWS's pace (10 DescribeContinuousBackups/s, burst 10) a region of 40 tables takes about 3 s. */
    private static final int TABLES = 40;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    private static void seed() {
        Emulator.fresh();
        for (String account : List.of(CALLER, MEMBER)) {
            for (String region : REGIONS) {
                Map<String, Boolean> tables = new LinkedHashMap<>();
                for (int i = 0; i < TABLES; i++) {
                    tables.put(String.format("t-%03d", i), i % 2 == 0);
                }
                Harness.tables(account, region, tables);
            }
        }
    }

    private Path config(String node) throws Exception {
        return Files.writeString(dir.resolve(node + ".yaml"), "accounts:\n" + Harness.account(CALLER, REGIONS)
                + Harness.account(MEMBER, REGIONS)
                + "cluster: { node: " + node + ", threads: 1, heartbeat: 300ms, missedHeartbeats: 4, "
                + "pollingInterval: 100ms, planEvery: 300ms }\n");
    }

    private Process node(String name, String jdbcUrl) throws Exception {
        Process p = NodeMain.start(jdbcUrl, config(name), dir.resolve(name + ".log"));
        nodes.add(p);
        return p;
    }

    /** A job of an account's run. */
    private record Job(String account, RunRegion region) {
    }

    private static List<Job> running(Store store) {
        List<Job> out = new ArrayList<>();
        for (String account : List.of(CALLER, MEMBER)) {
            store.runs().openRun(account).ifPresent(r -> r.jobs().stream()
                    .filter(j -> j.state() == RunRegion.State.RUNNING).forEach(j -> out.add(new Job(account, j))));
        }
        return out;
    }

    private String logs() throws Exception {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                out.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return out.toString();
    }

    /** Kills the node running a job once both nodes are running one at the same time; returns the killed node's region. */
    private Job killMidJob(Store store, Process a) throws Exception {
        await("both nodes run a job at the same time", WAIT, () -> running(store).stream()
                .map(j -> j.region().node()).distinct().count() == 2);
        Job victim = running(store).stream().filter(j -> j.region().node().equals("node-a")).findFirst().orElseThrow();
        a.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, no goodbye to the scheduler
        return victim;
    }

    private void assertEveryCheckOnceAndTheVictimTakenOver(Store store, Job victim, String survivor) throws Exception {
        for (String account : List.of(CALLER, MEMBER)) {
            await("the run of " + account + " closes", WAIT, () -> store.runs().last(account)
                    .map(r -> r.outcome() != Run.Outcome.RUNNING).orElse(false));
            Run run = store.runs().last(account).orElseThrow();
            assertThat(run.outcome()).as(logs()).isEqualTo(Run.Outcome.SUCCEEDED);
            assertThat(run.jobs()).allSatisfy(j -> assertThat(j.checks()).isEqualTo(TABLES));
        }
        assertThat(store.checks().list(CheckFilter.ALL)).hasSize(2 * REGIONS.size() * TABLES);
        for (var check : store.checks().list(CheckFilter.ALL)) {
            assertThat(store.checks().history(check.id())).as("one history row: no duplicate").hasSize(1);
        }
        RunRegion taken = store.runs().last(victim.account()).orElseThrow().jobs().stream()
                .filter(j -> j.region().equals(victim.region().region())).findFirst().orElseThrow();
        assertThat(taken.attempts()).as("started by the killed node, then again").isEqualTo(2);
        assertThat(taken.node()).isEqualTo(survivor);
        assertThat(taken.state()).isEqualTo(RunRegion.State.DONE);
    }

    @Test
    void twoNodesOnPostgresqlShareTheJobsAndTakeOverAKilledNodesJob() throws Exception {
        seed();
        String url = PostgresServer.shared().newDatabase();
        try (Store store = Store.open(StoreLocation.parse(url))) {
            Process a = node("node-a", url);
            node("node-b", url);
            Job victim = killMidJob(store, a);
            assertEveryCheckOnceAndTheVictimTakenOver(store, victim, "node-b");
            List<String> nodesThatRan = new ArrayList<>();
            for (String account : List.of(CALLER, MEMBER)) {
                store.runs().last(account).orElseThrow().jobs().forEach(j -> nodesThatRan.add(j.node()));
            }
            assertThat(nodesThatRan).contains("node-b");
        }
    }

    @Test
    void aNodeKilledMidRunOnTheEmbeddedStoreRedoesTheRunWhenItStartsAgain() throws Exception {
        seed();
        String url = StoreLocation.embedded(dir).jdbcUrl();
        try (Store store = Store.open(StoreLocation.parse(url))) {
            Process a = node("node-a", url);
            await("a job is running", WAIT, () -> !running(store).isEmpty());
            Job victim = running(store).getFirst();
            a.destroyForcibly().waitFor();
            node("node-a", url);   // the same node, restarted
            assertEveryCheckOnceAndTheVictimTakenOver(store, victim, "node-a");
        }
    }
}
