package dev.vigil.core.model;

/**
 * AWS Backup's service opt-in in one account and region, as far as rules need it. A selection that reaches a
 * resource only through tags, conditions, a {@code *} or service-wide pattern, or by selecting everything, covers
 * it only where its service is opted in; one that names the resource type in an ARN covers it regardless (AWS's
 * UpdateRegionSettings reference). A source that does not state the settings has no such resource.
 *
 * @param rdsOptIn whether RDS is opted in (known, unknown in a template, or failed to read)
 */
public record BackupRegionSettings(Origin origin, String id, String name, Value<Boolean> rdsOptIn)
        implements Resource {
}
