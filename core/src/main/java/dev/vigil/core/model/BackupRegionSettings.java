package dev.vigil.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * AWS Backup's service opt-in in one account and region, as far as rules need it. A selection that reaches a
 * resource only through tags, conditions, a {@code *} or service-wide pattern, or by selecting everything, covers
 * it only where its resource type is opted in; one that names the resource type in an ARN covers it regardless (AWS's
 * UpdateRegionSettings reference). A source that does not state the settings has no such resource.
 *
 * @param optIns by AWS Backup's resource type name ({@link #RDS}, {@link #AURORA}): whether it is opted in (known,
 *               unknown in a template, or failed to read); a type the source does not state is absent
 */
public record BackupRegionSettings(Origin origin, String id, String name, Map<String, Value<Boolean>> optIns)
        implements Resource {

    /** AWS Backup's resource type for RDS DB instances (and Multi-AZ DB clusters). */
    public static final String RDS = "RDS";
    /** AWS Backup's resource type for Aurora DB clusters, opted in separately from RDS. */
    public static final String AURORA = "Aurora";

    public BackupRegionSettings {
        optIns = Map.copyOf(optIns);
    }

    public Optional<Value<Boolean>> optIn(String resourceType) {
        return Optional.ofNullable(optIns.get(resourceType));
    }
}
