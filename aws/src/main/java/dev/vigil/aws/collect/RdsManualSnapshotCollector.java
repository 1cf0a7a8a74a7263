package dev.vigil.aws.collect;

import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.DbSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;

/**
 * The account's manual DB snapshots and DB cluster snapshots: one DescribeDBSnapshots and one
 * DescribeDBClusterSnapshots listing per region with {@code SnapshotType=manual}, 100 a page, each entry with its
 * encryption, engine and tags. Only manual snapshots can be shared, so only they are listed. Whether one is public is
 * in its {@code restore} attribute, which no listing returns: one DescribeDBSnapshotAttributes or
 * DescribeDBClusterSnapshotAttributes per snapshot, made only when a selected rule reads {@code publiclyRestorable},
 * and only for snapshots that are not encrypted (RDS refuses to share an encrypted snapshot with {@code all}). A failed
 * listing is a fault of this kind in the region, and the other listing's snapshots stay; a failed attribute call leaves
 * that snapshot's {@code publiclyRestorable} failed, and the snapshots after it are not asked (the same fault would
 * repeat). Every entry's type is checked, not trusted.
 */
public final class RdsManualSnapshotCollector implements Collector {

    static final String SNAPSHOTS = "rds:DescribeDBSnapshots";
    static final String CLUSTER_SNAPSHOTS = "rds:DescribeDBClusterSnapshots";
    static final String ATTRIBUTES = "rds:DescribeDBSnapshotAttributes";
    static final String CLUSTER_ATTRIBUTES = "rds:DescribeDBClusterSnapshotAttributes";
    static final String MANUAL = "manual";
    /** The attribute that lists who may copy or restore a manual snapshot, and its value that means everybody. */
    public static final String RESTORE = "restore";
    public static final String EVERYBODY = "all";
    /** Named re-reads filter on identifiers, this many at a time. */
    static final int FILTER_VALUES = 100;
    private static final Pages<DescribeDbSnapshotsResponse, DBSnapshot> SNAPSHOT_PAGES = new Pages<>(SNAPSHOTS,
            "DBSnapshots", DescribeDbSnapshotsResponse::hasDbSnapshots, DescribeDbSnapshotsResponse::dbSnapshots,
            DescribeDbSnapshotsResponse::marker);
    private static final Pages<DescribeDbClusterSnapshotsResponse, DBClusterSnapshot> CLUSTER_PAGES = new Pages<>(
            CLUSTER_SNAPSHOTS, "DBClusterSnapshots", DescribeDbClusterSnapshotsResponse::hasDbClusterSnapshots,
            DescribeDbClusterSnapshotsResponse::dbClusterSnapshots, DescribeDbClusterSnapshotsResponse::marker);

    @Override
    public Class<? extends Resource> kind() {
        return RdsManualSnapshot.class;
    }

    @Override
    public List<String> iamActions() {
        return iamActions(Reads.ALL);
    }

    @Override
    public List<String> iamActions(Reads reads) {
        return reads.has("publiclyRestorable") ? List.of(SNAPSHOTS, CLUSTER_SNAPSHOTS, ATTRIBUTES, CLUSTER_ATTRIBUTES)
                : List.of(SNAPSHOTS, CLUSTER_SNAPSHOTS);
    }

    /** Snapshots are taken, copied, deleted, shared and unshared, and tagged. */
    @Override
    public List<EventTrigger> triggers() {
        // Region-wide: DB and cluster snapshots share this kind under two ARN forms, so a name alone is ambiguous.
        return List.of(EventTrigger.regionWide("rds.amazonaws.com", "CreateDBSnapshot", "CopyDBSnapshot",
                "DeleteDBSnapshot", "ModifyDBSnapshot", "ModifyDBSnapshotAttribute", "CreateDBClusterSnapshot",
                "CopyDBClusterSnapshot", "DeleteDBClusterSnapshot", "ModifyDBClusterSnapshotAttribute",
                "AddTagsToResource", "RemoveTagsFromResource"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        collect(region, Reads.ALL, into);
    }

    @Override
    public void collect(RegionContext region, Reads reads, Inventory into) {
        add(region, reads, r -> { }, r -> { }, into);
    }

    /** Both listings filtered on the named identifiers (an ARN names its last part), a chunk at a time. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        List<String> ids = names.stream().map(n -> n.startsWith("arn:") ? n.substring(n.lastIndexOf(':') + 1) : n)
                .distinct().toList();
        for (int i = 0; i < ids.size(); i += FILTER_VALUES) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + FILTER_VALUES));
            add(region, Reads.ALL, r -> r.filters(f -> f.name("db-snapshot-id").values(chunk)),
                    r -> r.filters(f -> f.name("db-cluster-snapshot-id").values(chunk)), into);
        }
    }

    private static void add(RegionContext region, Reads reads, Consumer<DescribeDbSnapshotsRequest.Builder> filter,
                            Consumer<DescribeDbClusterSnapshotsRequest.Builder> clusterFilter, Inventory into) {
        RdsClient rds = region.connection().client(RdsClient::builder, region.region());
        boolean publicStatus = reads.has("publiclyRestorable");
        List<DBSnapshot> snapshots = listing(region, () -> SNAPSHOT_PAGES.all(rds.describeDBSnapshotsPaginator(
                r -> filter.accept(r.snapshotType(MANUAL).maxRecords(100)))), into);
        Attributes<?> db = new Attributes<>(ATTRIBUTES, id -> rds.describeDBSnapshotAttributes(
                r -> r.dbSnapshotIdentifier(id)).dbSnapshotAttributesResult(),
                result -> result.dbSnapshotAttributes().stream()
                        .map(a -> everybody(a.attributeName(), a.attributeValues())),
                "DBSnapshotAttributesResult", DbSnapshotNotFoundException.class);
        List<Entry> entries = new ArrayList<>();
        for (DBSnapshot s : snapshots) {
            entries.add(new Entry(SNAPSHOTS, s.snapshotType(), s.dbSnapshotArn(), s.dbSnapshotIdentifier(), false,
                    s.engine(), Reported.value(s.encrypted(), "Encrypted"), RdsInstanceCollector.tags(s.tagList()), db));
        }
        List<DBClusterSnapshot> clusterSnapshots = listing(region, () -> CLUSTER_PAGES.all(
                rds.describeDBClusterSnapshotsPaginator(r -> clusterFilter.accept(r.snapshotType(MANUAL)
                        .maxRecords(100)))), into);
        Attributes<?> cluster = new Attributes<>(CLUSTER_ATTRIBUTES, id -> rds.describeDBClusterSnapshotAttributes(
                r -> r.dbClusterSnapshotIdentifier(id)).dbClusterSnapshotAttributesResult(),
                result -> result.dbClusterSnapshotAttributes().stream()
                        .map(a -> everybody(a.attributeName(), a.attributeValues())),
                "DBClusterSnapshotAttributesResult", DbClusterSnapshotNotFoundException.class);
        for (DBClusterSnapshot s : clusterSnapshots) {
            entries.add(new Entry(CLUSTER_SNAPSHOTS, s.snapshotType(), s.dbClusterSnapshotArn(),
                    s.dbClusterSnapshotIdentifier(), true, s.engine(),
                    Reported.value(s.storageEncrypted(), "StorageEncrypted"), RdsInstanceCollector.tags(s.tagList()), cluster));
        }
        entries.stream().filter(e -> !e.identified())
                .collect(Collectors.groupingBy(Entry::listing, Collectors.counting()))
                .forEach((listing, count) -> into.fault(new Fault(region.origin(), Set.of(RdsManualSnapshot.class),
                        listing, "AWS answered " + count + " snapshot(s) without the identifier, ARN or type it "
                        + "always sends; they cannot be judged")));
        for (Entry e : entries) {
            if (!e.identified() || !MANUAL.equals(e.type())) {
                continue;
            }
            Value<Boolean> isPublic = !publicStatus ? Value.failed("not read: no selected rule needs it")
                    : e.encrypted() instanceof Value.Known<Boolean> k && k.value() ? Value.known(false)
                    : e.attributes().isPublic(e.id());
            if (isPublic != null) {   // null: the snapshot was deleted between the listing and its attributes
                into.add(new RdsManualSnapshot(region.origin(), e.arn(), e.id(), e.cluster(), e.engine(), e.encrypted(),
                        isPublic, e.tags()));
            }
        }
    }

    /** One listing; its failure is a fault of this kind in the region, and the other listing still counts. */
    private static <T> List<T> listing(RegionContext region, Supplier<List<T>> list, Inventory into) {
        try {
            return list.get();
        } catch (CollectionException e) {
            into.fault(new Fault(region.origin(), Set.of(RdsManualSnapshot.class), e.operation(), e.getMessage()));
            return List.of();
        }
    }

    /** A listed snapshot before its public status is read, with the listing it came from. */
    private record Entry(String listing, String type, String arn, String id, boolean cluster, String engine,
                         Value<Boolean> encrypted, Map<String, String> tags, Attributes<?> attributes) {

        boolean identified() {
            return arn != null && id != null && type != null;
        }
    }

    /**
     * The attribute calls of one snapshot kind. After a call fails, the rest of the region's snapshots of that kind get
     * the same failure without a call of their own: it is the caller's permission or the service, not the snapshot.
     *
     * @param restore for each attribute in a call's result, whether it makes the snapshot public
     * @param field   the result element AWS always sends
     * @param gone    the fault that says the snapshot was deleted since it was listed
     */
    private static final class Attributes<R> {
        private final String operation;
        private final Function<String, R> call;
        private final Function<R, Stream<Boolean>> restore;
        private final String field;
        private final Class<? extends RuntimeException> gone;
        private Value<Boolean> failure;

        Attributes(String operation, Function<String, R> call, Function<R, Stream<Boolean>> restore, String field,
                   Class<? extends RuntimeException> gone) {
            this.operation = operation;
            this.call = call;
            this.restore = restore;
            this.field = field;
            this.gone = gone;
        }

        /** Whether the snapshot is public, failed, or null when it no longer exists. */
        Value<Boolean> isPublic(String id) {
            if (failure != null) {
                return failure;
            }
            R result;
            try {
                result = call.apply(id);
            } catch (RuntimeException e) {
                if (gone.isInstance(e)) {
                    return null;
                }
                failure = Value.failed(operation + " failed: " + Faults.describe(e));
                return failure;
            }
            if (result == null) {
                return Value.failed("AWS answered " + operation + " without " + field + ", which it always sends");
            }
            return Value.known(restore.apply(result).anyMatch(Boolean::booleanValue));
        }
    }

    /** Whether one snapshot attribute lets every AWS account copy or restore the snapshot. */
    public static boolean everybody(String attributeName, List<String> values) {
        return RESTORE.equals(attributeName) && values.contains(EVERYBODY);
    }
}
