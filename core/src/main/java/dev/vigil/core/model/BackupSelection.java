package dev.vigil.core.model;

import java.util.List;

/**
 * One resource assignment of an AWS Backup plan. A resource is selected when it matches {@code resources}
 * (ARN patterns, {@code *} wildcards) or any {@code listOfTags} entry, satisfies every {@code conditions}
 * entry, and matches no {@code notResources} pattern.
 */
public record BackupSelection(Origin origin, String id, String name, String planName,
                              List<Value<String>> resources, List<Value<String>> notResources,
                              List<TagCondition> listOfTags, List<TagCondition> conditions) implements Resource {

    public BackupSelection {
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        listOfTags = List.copyOf(listOfTags);
        conditions = List.copyOf(conditions);
    }
}
