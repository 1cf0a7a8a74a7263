package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import java.util.List;
import java.util.Set;

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

    /**
     * Adds only the named resources (a name or ARN, as events name them); one that no longer exists is simply
     * absent. The default reads the whole region and keeps the named ones: collectors whose API can describe
     * one resource override it, so that a re-check costs one call.
     */
    default void collect(RegionContext region, Set<String> names, Inventory into) {
        Inventory all = new Inventory();
        collect(region, all);
        all.faults().forEach(into::fault);
        all.all(kind()).stream().filter(r -> names.contains(r.name()) || names.contains(r.id())).forEach(into::add);
    }

    /** The events after which resources of this kind are re-read, for real-time re-checks. */
    default List<EventTrigger> triggers() {
        return List.of();
    }
}
