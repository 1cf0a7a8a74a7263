package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import java.util.List;

/** Collects one resource kind in one account and region. Only collectors call the AWS SDK. */
public interface Collector {

    Class<? extends Resource> kind();

    /** The IAM actions it calls, for the least-privilege policy. */
    List<String> iamActions();

    /**
     * Adds what it finds to {@code into}. A fault that leaves the whole kind unknown in this region
     * propagates as {@link CollectionException}; a fault on one resource is recorded on that resource.
     */
    void collect(RegionContext region, Inventory into);
}
