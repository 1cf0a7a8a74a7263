package dev.vigil.core.engine;

import dev.vigil.core.check.Check;
import java.util.Optional;

/**
 * Where a source declares that a rule does not apply to a resource (e.g. a template comment), keyed the way
 * checks name resources: scope, resource and rule ID. Suppressed checks keep their status; reports mark them
 * and leave them out of counts and exit codes.
 */
@FunctionalInterface
public interface Suppression {

    Suppression NONE = (scope, resource, ruleId) -> Optional.empty();

    /** Why {@code ruleId} is suppressed on that resource, if it is. */
    Optional<String> reason(String scope, String resource, String ruleId);

    /** This lookup, then {@code other} where this one has no reason. */
    default Suppression or(Suppression other) {
        return (scope, resource, ruleId) -> reason(scope, resource, ruleId)
                .or(() -> other.reason(scope, resource, ruleId));
    }

    /** The result with every check this lookup names marked suppressed, with its reason, as it is read. */
    default ScanResult applyTo(ScanResult result) {
        return result.map(this::mark);
    }

    private Check mark(Check check) {
        return reason(check.origin().scope(), check.resource(), check.rule().id())
                .map(check::withSuppression).orElse(check);
    }
}
