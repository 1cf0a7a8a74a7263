package dev.vigil.iac;

import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a loader mapped from one template or configuration: resources, faults, and suppressions by resource. */
public final class MappedResources {

    private final List<Resource> resources = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<Suppressions.Key, Map<String, String>> suppressions = new LinkedHashMap<>();

    /** Adds a resource with the rule suppressions (rule ID to reason) of the declaration it came from. */
    public void add(Resource resource, Map<String, String> suppressed) {
        resources.add(resource);
        if (!suppressed.isEmpty()) {
            suppressions.put(new Suppressions.Key(resource.origin().scope(), resource.id()), suppressed);
        }
    }

    public void fault(Fault fault) {
        faults.add(fault);
    }

    public List<Resource> resources() {
        return resources;
    }

    public List<Fault> faults() {
        return faults;
    }

    public Map<Suppressions.Key, Map<String, String>> suppressions() {
        return suppressions;
    }
}
