package dev.vigil.core.check;

import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.rule.RuleMeta;
import java.util.Map;

/**
 * The result of evaluating one rule on one resource.
 *
 * @param resource    ARN (live) or logical ID / address (template)
 * @param remedy      the typed fix for a FAILURE, or null
 * @param properties  extra facts for machine formats, e.g. {@code recoveryPeriodDays}
 * @param suppression why the user suppressed this check, or null
 */
public record Check(RuleMeta rule, Status status, String resource, String resourceName, Origin origin,
                    String message, Remedy remedy, Map<String, Object> properties, String suppression) {

    public Check {
        properties = Map.copyOf(properties);
    }

    public Check withStatus(Status newStatus, String newMessage) {
        return new Check(rule, newStatus, resource, resourceName, origin, newMessage,
                newStatus == Status.FAILURE ? remedy : null, properties, suppression);
    }

    public Check withSuppression(String reason) {
        return new Check(rule, status, resource, resourceName, origin, message, remedy, properties, reason);
    }
}
