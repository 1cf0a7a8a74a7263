package dev.vigil.realtime;

import static dev.vigil.realtime.Fixture.ACCOUNT;
import static dev.vigil.realtime.Fixture.REGION;
import static dev.vigil.realtime.Fixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Run;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.store.StoredCheck;
import dev.vigil.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed (SIGKILL) while it holds a batch of events loses none of them: another node, on the same store,
 * receives them once their visibility lapses and re-checks what they changed.
 */
class RealtimeKillTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> TABLES = List.of("t1", "t2", "t3");

    @TempDir
    Path dir;

    @Test
    void eventsHeldByAKilledNodeAreReCheckedByAnother() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        try (Fixture aws = new Fixture(); Store store = Store.open(StoreLocation.parse(url))) {
            // node A gathers for 30 s: it is killed holding the batch, before any re-check
            Path configA = Files.writeString(dir.resolve("a.yaml"), aws.yaml(aws.moto, "30s", "3s", "node-a"));
            Process a = RealtimeNodeMain.start(url, configA, dir.resolve("a.log"));
            try {
                await("node A's first scheduled run closes", WAIT, () -> store.runs().lastScan(ACCOUNT)
                        .map(r -> r.outcome() != Run.Outcome.RUNNING).orElse(false));
                for (String table : TABLES) {
                    DemoAccount.createTable(aws.dynamo(), table, false);
                    aws.post(CloudTrailEvents.dynamoDb(ACCOUNT, REGION, "CreateTable", table, false),
                            CloudTrailEvents.dynamoDb(ACCOUNT, REGION, "CreateTable", table, false));
                }
                await("node A holds all six messages", WAIT, () -> inFlight(aws) == 6);
            } finally {
                a.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, nothing deleted or given back
            }
            assertThat(store.runs().list(ACCOUNT, 10)).noneMatch(r -> r.trigger() == Run.Trigger.EVENT);
            assertThat(store.checks().list(CheckFilter.ALL)).isEmpty();

            ServiceConfig config = Fixture.config(aws.yaml(aws.moto, "300ms", "3s", "node-b"));
            try (Service b = new Service(config, store, Catalog.load(), Fixture.CHANNELS, Fixture.access(),
                    List.of(new Realtime(config.realtime(), Fixture.CREDENTIALS, line -> { })), line -> { })) {
                b.start();
                await("node B re-checks the three tables", WAIT, () -> store.checks().list(CheckFilter.ALL).stream()
                        .filter(c -> c.status() == Status.FAILURE).count() == 3);
                await("every message is deleted", WAIT, () -> aws.messages(aws.queueUrl) == 0);
            }
            assertThat(store.checks().list(CheckFilter.ALL)).extracting(StoredCheck::resourceName)
                    .containsExactlyInAnyOrderElementsOf(TABLES);
            assertThat(store.runs().list(ACCOUNT, 10)).filteredOn(r -> r.trigger() == Run.Trigger.EVENT)
                    .allSatisfy(r -> assertThat(r.jobs().getFirst().node()).isEqualTo("node-b")).isNotEmpty();
            assertThat(aws.deadLetters()).isEmpty();
        }
    }

    private static int inFlight(Fixture aws) {
        return Integer.parseInt(aws.sqs().getQueueAttributes(r -> r.queueUrl(aws.queueUrl).attributeNames(
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().get(software.amazon.awssdk.services.sqs.model.QueueAttributeName
                        .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
