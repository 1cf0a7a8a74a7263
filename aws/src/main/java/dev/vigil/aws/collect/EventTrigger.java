package dev.vigil.aws.collect;

import java.util.List;
import java.util.Set;

/**
 * CloudTrail management events, as EventBridge delivers them ({@code detail-type: AWS API Call via CloudTrail}),
 * after which resources of one kind must be read again. Events only say what to re-read: the verdict always comes
 * from reading current state.
 *
 * @param source        the event source, e.g. {@code rds.amazonaws.com}
 * @param eventNames    the {@code detail.eventName} values, e.g. {@code ModifyDBCluster}
 * @param resourcePaths where in {@code detail} the event names the resource, as dot paths (e.g.
 *                      {@code requestParameters.dBClusterIdentifier}); the first present wins. Empty: the event
 *                      concerns every resource of the kind in its region (e.g. a backup selection was deleted).
 */
public record EventTrigger(String source, Set<String> eventNames, List<String> resourcePaths) {

    public EventTrigger {
        eventNames = Set.copyOf(eventNames);
        resourcePaths = List.copyOf(resourcePaths);
    }
}
