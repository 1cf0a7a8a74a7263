package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.Resource;
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
 * Declared either in the resource's metadata,
 * <pre>
 * Metadata:
 *   vigil:
 *     skip:
 *       - id: DynamoDB-003
 *         reason: rebuilt from the event log
 * </pre>
 * or (YAML) in a comment on the logical-ID line or on the comment lines directly above it:
 * {@code # vigil:skip=DynamoDB-003 rebuilt from the event log} (several rules: {@code vigil:skip=A,B reason}).
 * A reason may be empty. A suppression on a global table applies to every replica.
 */
public final class Suppressions {

    /** A resource as checks name it. */
    public record Key(String scope, String resourceId) {
    }

    private final Map<Key, Map<String, String>> byResource;

    Suppressions(Map<Key, Map<String, String>> byResource) {
        Map<Key, Map<String, String>> copy = new LinkedHashMap<>();
        byResource.forEach((key, rules) -> copy.put(key, Map.copyOf(rules)));
        this.byResource = java.util.Collections.unmodifiableMap(copy);
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
