package dev.vigil.cli;

import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the store is, for every command that reads or writes it: the embedded database, or PostgreSQL. */
final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the embedded database (default: ~/.vigil).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "PostgreSQL instead: postgresql://USER:PASSWORD@HOST:PORT/DATABASE or a jdbc: URL.")
    String databaseUrl;

    StoreLocation location() {
        if (databaseUrl != null && dataDir != null) {
            throw new Vigil.UserException("--data-dir and --database-url name two stores; give one");
        }
        if (databaseUrl != null) {
            return StoreLocation.parse(databaseUrl);
        }
        return StoreLocation.embedded(dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".vigil"));
    }

    /** Opens the store; an unreachable database is one line and exit code 2. */
    Store open() {
        return Store.open(location());
    }
}
