package dev.vigil.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded database, in a file under a fresh directory. */
class H2StoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    protected StoreLocation location() {
        return StoreLocation.embedded(dir);
    }
}
