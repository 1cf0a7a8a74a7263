package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.Resource;
import java.nio.file.Path;
import java.util.List;

/** Loads test fixtures under {@code src/test/resources/cloudformation}. */
final class Fixtures {

    static final String ROOT = "src/test/resources/cloudformation/";

    private Fixtures() {
    }

    static CloudFormationScan load(String fixture) {
        return load(fixture, CloudFormationOptions.defaults());
    }

    static CloudFormationScan load(String fixture, CloudFormationOptions options) {
        return new CloudFormationLoader(options).load(List.of(Path.of(ROOT + fixture)));
    }

    static <T extends Resource> T resource(CloudFormationScan scan, Class<T> kind, String id) {
        return scan.inventory().all(kind).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + id + " in "
                        + scan.inventory().all(kind).stream().map(Resource::id).toList()));
    }
}
