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

    /** The IAM actions it calls to read these fields; collectors that read every field in the same calls need not say. */
    default List<String> iamActions(Reads reads) {
        return iamActions();
    }

    /**
     * Adds what it finds to {@code into}. A fault that leaves the whole kind unknown in this region
     * propagates as {@link CollectionException}; a fault on one resource is recorded on that resource.
     */
    void collect(RegionContext region, Inventory into);

    /**
     * As {@link #collect(RegionContext, Inventory)}, reading only these fields where fields cost calls of their own;
     * the others are {@code Value.failed}, so that a rule reading them by mistake reports an ERROR, never a verdict.
     */
    default void collect(RegionContext region, Reads reads, Inventory into) {
        collect(region, into);
    }

    /**
     * Adds only the named resources (names as {@link EventTrigger.Names} gives them for this kind, or ARNs); one
     * that no longer exists is simply absent. The default reads the whole region and keeps the named ones:
     * collectors whose API can describe one resource override it, so that a re-check costs one call.
     */
    default void collect(RegionContext region, Set<String> names, Inventory into) {
        Inventory all = new Inventory();
        collect(region, all);
        all.faults().forEach(into::fault);
        all.all(kind()).stream().filter(r -> names.contains(r.name()) || names.contains(r.id())).forEach(into::add);
    }

    /**
     * As {@link #collect(RegionContext, Set, Inventory)}, reading only these fields where fields cost calls of their
     * own (as {@link #collect(RegionContext, Reads, Inventory)}), so that a re-check for some rules makes only their
     * calls. The default reads every field.
     */
    default void collect(RegionContext region, Set<String> names, Reads reads, Inventory into) {
        collect(region, names, into);
    }

    /**
     * The events after which resources of this kind are re-read, for real-time re-checks. Every collector of the
     * catalog declares some (a test holds it to that): a kind without them would never be re-checked between
     * scheduled scans.
     */
    default List<EventTrigger> triggers() {
        return List.of();
    }
}
