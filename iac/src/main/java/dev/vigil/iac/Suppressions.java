package dev.vigil.iac;

import dev.vigil.core.model.Resource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rule suppressions declared in templates, by resource: {@code (scope, resource ID) -> rule ID -> reason}.
 * The scope and ID are those of the loaded resource ({@code resource.origin().scope()}, {@code resource.id()}),
 * which are also a check's {@code origin().scope()} and {@code resource()}, so the engine can mark checks:
 * <pre>{@code
 * String reason = suppressions.reason(check.origin().scope(), check.resource(), check.rule().id()).orElse(null);
 * }</pre>
 * CloudFormation declares them in metadata or {@code # vigil:skip=RULE-ID reason} comments (see
 * {@code cloudformation.SuppressionReader}), Terraform in such comments above a resource block. A reason may be empty.
 */
public final class Suppressions {

    /** A resource as checks name it. */
    public record Key(String scope, String resourceId) {
    }

    private final Map<Key, Map<String, String>> byResource;

    public Suppressions(Map<Key, Map<String, String>> byResource) {
        Map<Key, Map<String, String>> copy = new LinkedHashMap<>();
        byResource.forEach((key, rules) -> copy.put(key, Map.copyOf(rules)));
        this.byResource = Collections.unmodifiableMap(copy);
    }

    /** Why rule {@code ruleId} is suppressed on that resource, if it is. */
    public Optional<String> reason(String scope, String resourceId, String ruleId) {
        return Optional.ofNullable(byResource.getOrDefault(new Key(scope, resourceId), Map.of()).get(ruleId));
    }

    /** Why rule {@code ruleId} is suppressed on {@code resource}, if it is. */
    public Optional<String> reason(Resource resource, String ruleId) {
        return reason(resource.origin().scope(), resource.id(), ruleId);
    }

    /** Every suppression: resource, then rule ID to reason. */
    public Map<Key, Map<String, String>> asMap() {
        return byResource;
    }
}
