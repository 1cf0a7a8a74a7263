package dev.vigil.service;

import dev.vigil.core.rule.Catalog;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.testkit.NodeProcess;
import java.nio.file.Path;
import java.util.List;

/**
 * A service node as its own process, for the tests that kill one: {@code NodeMain JDBC-URL CONFIG-FILE}. Runs until
 * killed; SIGTERM stops it cleanly.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Store store = Store.open(StoreLocation.parse(args[0]));
        ServiceConfig config = new ConfigLoader(Catalog.load(), new TestChannels(), System::getenv).load(Path.of(args[1]));
        Service service = new Service(config, store, Catalog.load(), new TestChannels(), Harness.access(), List.of(),
                line -> System.out.println(line));
        NodeProcess.runUntilStopped(() -> {
            service.start();
            return null;
        }, () -> {
            service.close();
            store.close();
        });
    }

    /** Starts a node process with this test JVM's class path; its output goes to {@code log}. */
    static Process start(String jdbcUrl, Path config, Path log) throws java.io.IOException {
        return NodeProcess.start(NodeMain.class, log, jdbcUrl, config.toString());
    }
}
