package dev.vigil.core.model;

/** A resource in an {@link Inventory}: a source-neutral record that carries only what rules need. */
public interface Resource {

    Origin origin();

    /** How reports name it: the ARN for live resources, the logical ID or address for template resources. */
    String id();

    /** Short human name (table name, DB instance identifier). */
    String name();

    /** Its tags where the source states them; rule exceptions and backup selections match on them. */
    default java.util.Map<String, String> tags() {
        return java.util.Map.of();
    }
}
