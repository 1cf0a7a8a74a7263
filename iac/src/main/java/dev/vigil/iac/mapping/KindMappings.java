package dev.vigil.iac.mapping;

import dev.vigil.core.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every resource kind mapped through {@link Declaration}s: one line here per kind. */
public final class KindMappings {

    private static final List<KindMapping> ALL = List.of(
            BackupPlanMapping.MAPPING,
            BackupVaultMapping.MAPPING,
            EbsSnapshotMapping.MAPPING,
            EbsVolumeMapping.MAPPING,
            ElastiCacheClusterMapping.MAPPING,
            RdsClusterMapping.MAPPING,
            RdsManualSnapshotMapping.MAPPING,
            RedshiftClusterMapping.MAPPING,
            S3BucketMapping.MAPPING);

    private static final Map<String, KindMapping> BY_CLOUDFORMATION_TYPE = index(KindMapping::cloudFormationTypes);
    private static final Map<String, KindMapping> BY_TERRAFORM_TYPE = index(KindMapping::terraformTypes);

    private KindMappings() {
    }

    public static Optional<KindMapping> cloudFormation(String type) {
        return Optional.ofNullable(BY_CLOUDFORMATION_TYPE.get(type));
    }

    public static Optional<KindMapping> terraform(String type) {
        return Optional.ofNullable(BY_TERRAFORM_TYPE.get(type));
    }

    /** The kinds these mappings produce, for faults that leave a whole template unknown. */
    public static Set<Class<? extends Resource>> kinds() {
        return ALL.stream().map(KindMapping::kind).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, KindMapping> index(Function<KindMapping, List<String>> types) {
        return ALL.stream().flatMap(m -> types.apply(m).stream().map(t -> Map.entry(t, m)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
