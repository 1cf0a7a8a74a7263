package dev.vigil.aws.collect;

import dev.vigil.core.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** The collector for each resource kind. */
public final class CollectorCatalog {

    private static final Map<Class<? extends Resource>, Collector> BY_KIND = java.util.stream.Stream.of(
                    new DynamoDbTableCollector(), new RdsInstanceCollector(), new RdsBackupSnapshotCollector(),
                    new BackupSelectionCollector(), new BackupRegionSettingsCollector(), new RdsClusterCollector(),
                    new BackupPlanCollector(), new BackupVaultCollector(), new DynamoDbBackupCollector(),
                    new EbsSnapshotCollector(), new EbsVolumeCollector(),
                    new RdsManualSnapshotCollector(),
                    new S3BucketCollector(),
                    // the cluster family (RdsClusterCollector above)
                    new ElastiCacheClusterCollector(),
                    new RedshiftClusterCollector())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Collector::kind, Function.identity()));

    private CollectorCatalog() {
    }

    /** Every collector, one per kind. */
    public static java.util.Collection<Collector> all() {
        return BY_KIND.values();
    }

    public static Collector forKind(Class<? extends Resource> kind) {
        Collector c = BY_KIND.get(kind);
        if (c == null) {
            throw new IllegalStateException("no live collector for " + kind.getSimpleName());
        }
        return c;
    }

    /** Every IAM action a scan reading these kinds may call, sorted, plus the two every scan makes. */
    public static List<String> iamActions(Map<Class<? extends Resource>, Reads> kinds) {
        TreeSet<String> actions = new TreeSet<>(List.of("sts:GetCallerIdentity", "ec2:DescribeRegions"));
        kinds.forEach((kind, reads) -> actions.addAll(forKind(kind).iamActions(reads)));
        return List.copyOf(actions);
    }
}
