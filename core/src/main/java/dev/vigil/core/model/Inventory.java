package dev.vigil.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** The scopes its resources belong to. */
    public Set<String> scopes() {
        synchronized (resources) {
            return resources.stream().map(r -> r.origin().scope()).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    /** A copy that holds only the resources and faults of these scopes. */
    public Inventory within(Set<String> scopes) {
        Inventory part = new Inventory();
        synchronized (resources) {
            resources.stream().filter(r -> scopes.contains(r.origin().scope())).forEach(part::add);
        }
        faults().stream().filter(f -> scopes.contains(f.origin().scope())).forEach(part::fault);
        return part;
    }

    /** Whether a fault left any of these kinds incomplete in this scope. */
    public boolean incomplete(String scope, Set<Class<? extends Resource>> kinds) {
        return faults().stream().anyMatch(f -> f.origin().scope().equals(scope)
                && f.kinds().stream().anyMatch(kinds::contains));
    }
}
