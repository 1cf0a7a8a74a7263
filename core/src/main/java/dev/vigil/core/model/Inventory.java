package dev.vigil.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a source yielded: resources of every collected kind, and the faults that left gaps. Thread-safe to fill. */
public final class Inventory {

    private final List<Resource> resources = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());

    public void add(Resource resource) {
        resources.add(resource);
    }

    public void fault(Fault fault) {
        faults.add(fault);
    }

    /** Moves everything another inventory holds into this one. */
    public void addAll(Inventory other) {
        synchronized (other.resources) {
            resources.addAll(other.resources);
        }
        faults.addAll(other.faults());
    }

    public <T extends Resource> List<T> all(Class<T> kind) {
        synchronized (resources) {
            return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    public List<Fault> faults() {
        synchronized (faults) {
            return List.copyOf(faults);
        }
    }

    public int size() {
        return resources.size();
    }
}
