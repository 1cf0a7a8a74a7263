package dev.vigil.aws.collect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * CloudTrail management events, as EventBridge delivers them ({@code detail-type: AWS API Call via CloudTrail}),
 * after which resources of one kind must be read again. Events only say what to re-read: the verdict always comes
 * from reading current state.
 *
 * @param source        the event source, e.g. {@code rds.amazonaws.com}
 * @param eventNames    the {@code detail.eventName} values, e.g. {@code ModifyDBCluster}
 * @param resourcePaths where in {@code detail} the event names the resource, as dot paths (e.g.
 *                      {@code requestParameters.dBClusterIdentifier}); every path present names one (a rename names
 *                      the old and the new). Empty: the event concerns every resource of the kind in its region (e.g.
 *                      a backup selection was deleted).
 * @param names         how the kind's resources are named, for the values found at those paths; null when the
 *                      trigger is region-wide
 */
public record EventTrigger(String source, Set<String> eventNames, List<String> resourcePaths, Names names) {

    public EventTrigger {
        eventNames = Set.copyOf(eventNames);
        resourcePaths = List.copyOf(resourcePaths);
        if (resourcePaths.isEmpty() != (names == null)) {
            throw new IllegalArgumentException("a trigger with resource paths needs names, and only then");
        }
    }

    /** Events that concern every resource of the kind in the event's region. */
    public static EventTrigger regionWide(String source, String... eventNames) {
        return new EventTrigger(source, Set.of(eventNames), List.of(), null);
    }

    /** Events that name the resources they concern at {@code paths}. */
    public static EventTrigger named(String source, Names names, List<String> paths, String... eventNames) {
        return new EventTrigger(source, Set.of(eventNames), paths, names);
    }

    public boolean isRegionWide() {
        return resourcePaths.isEmpty();
    }

    /** The {@code source} EventBridge gives these events: {@code aws.rds} for {@code rds.amazonaws.com}. */
    public String eventBridgeSource() {
        return "aws." + source.substring(0, source.indexOf('.'));
    }

    /**
     * How a kind names its resources, so that a value an event gives (a name or an ARN) becomes the name the
     * collector and the store use.
     *
     * @param arnResource what the resource part of the kind's ARNs starts with, e.g. {@code table/} in
     *                    {@code arn:aws:dynamodb:us-east-1:123456789012:table/orders}, {@code db:} for DB instances
     * @param lowerCase   AWS keeps the names in lower case whatever case a call gave (RDS identifiers)
     */
    public record Names(String arnResource, boolean lowerCase) {

        /**
         * The resource name {@code value} stands for; empty when it is an ARN of another kind of resource (RDS tag
         * events name instances and clusters alike) or blank.
         */
        public Optional<String> of(String value) {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            String name = value.strip();
            if (name.startsWith("arn:")) {
                String[] parts = name.split(":", 6);
                if (parts.length < 6 || !parts[5].startsWith(arnResource)) {
                    return Optional.empty();
                }
                name = parts[5].substring(arnResource.length());
                int sub = name.indexOf('/');   // e.g. table/NAME/stream/... names the table
                name = sub < 0 ? name : name.substring(0, sub);
            }
            if (name.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(lowerCase ? name.toLowerCase(Locale.ROOT) : name);
        }
    }
}
