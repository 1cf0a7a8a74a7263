package dev.vigil.realtime;

import dev.vigil.core.rule.Catalog;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.testkit.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service node with real-time re-checks as its own process, for the test that kills one:
 * {@code RealtimeNodeMain JDBC-URL CONFIG-FILE}. Runs until killed.
 */
public final class RealtimeNodeMain {

    private RealtimeNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Store store = Store.open(StoreLocation.parse(args[0]));
        ServiceConfig config = Fixture.config(Files.readString(Path.of(args[1])));
        Service service = new Service(config, store, Catalog.load(), Fixture.CHANNELS, Fixture.access(),
                List.of(new Realtime(config.realtime(), Fixture.CREDENTIALS, System.out::println)), System.out::println);
        NodeProcess.runUntilStopped(() -> {
            service.start();
            return null;
        }, () -> {
            service.close();
            store.close();
        });
    }

    static Process start(String jdbcUrl, Path config, Path log) throws java.io.IOException {
        return NodeProcess.start(RealtimeNodeMain.class, log, jdbcUrl, config.toString());
    }
}
