package dev.vigil.core.model;

/**
 * An RDS DB snapshot; collected for the snapshot types rules ask for (e.g. {@code awsbackup}).
 *
 * @param instanceId the DB instance identifier it was taken of
 * @param type       the snapshot type as AWS names it: automated, manual, awsbackup, ...
 */
public record RdsSnapshot(Origin origin, String id, String name, String instanceId, String type)
        implements Resource {
}
