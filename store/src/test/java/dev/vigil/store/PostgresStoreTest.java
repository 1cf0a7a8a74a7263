package dev.vigil.store;

import static dev.vigil.store.Fixtures.ACCOUNT;
import static dev.vigil.store.Fixtures.check;
import static dev.vigil.store.Fixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Status;
import dev.vigil.testkit.PostgresServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL server (Debian's package, started by the tests), a fresh database per test. */
class PostgresStoreTest extends StoreContract {

    @Override
    protected StoreLocation location() {
        return StoreLocation.parse(PostgresServer.shared().newDatabase());
    }

    @Test
    void aDatabaseLostDuringACommitLeavesNothingHalfWritten() {
        Run run = store.runs().create(new Runs.NewRun(ACCOUNT, "prod", Run.Trigger.CLI, List.of("us-east-1"),
                List.of("DynamoDB-003"))).run();
        store.runs().startRegion(run.id(), "us-east-1", "node-a");
        PostgresServer server = PostgresServer.shared();
        server.kill();
        try {
            assertThatThrownBy(() -> store.runs().commitRegion(run.id(), scope("us-east-1"),
                    List.of(check("us-east-1", "orders", Status.FAILURE)), List.of(), 1))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.unavailable()).isTrue();
                        assertThat(e.getMessage()).startsWith("lost the database at postgresql://127.0.0.1:")
                                .doesNotContain("\n");
                    });
        } finally {
            server.resume();
        }
        assertThat(store.checks().list(CheckFilter.ALL)).isEmpty();
        assertThat(store.runs().commitRegion(run.id(), scope("us-east-1"),
                List.of(check("us-east-1", "orders", Status.FAILURE)), List.of(), 1)).isTrue();
        assertThat(store.checks().list(CheckFilter.ALL)).hasSize(1);
    }
}
