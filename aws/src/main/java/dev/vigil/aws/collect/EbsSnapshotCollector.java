package dev.vigil.aws.collect;

import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * The account's own EBS snapshots: DescribeSnapshots with {@code OwnerIds=self}, 1,000 a page, tags included. Whether
 * they are public comes from one more listing, made only when the account owns any: {@code OwnerIds=self} with
 * {@code RestorableByUserIds=all} lists exactly the snapshots the group {@code all} may restore, instead of a
 * DescribeSnapshotAttribute per snapshot. A failed public listing leaves the other facts standing: each snapshot's
 * {@code publiclyRestorable} is then failed, naming why. The owner of every entry is checked, not trusted.
 */
public final class EbsSnapshotCollector implements Collector {

    static final String OPERATION = "ec2:DescribeSnapshots";
    static final int PAGE = 1000;
    /** Snapshot IDs; ARNs name a snapshot as {@code snapshot/snap-…}. */
    static final EventTrigger.Names SNAPSHOTS = new EventTrigger.Names("snapshot/", false);
    private static final Pages<DescribeSnapshotsResponse, Snapshot> PAGES = new Pages<>(OPERATION, "Snapshots",
            DescribeSnapshotsResponse::hasSnapshots, DescribeSnapshotsResponse::snapshots,
            DescribeSnapshotsResponse::nextToken);

    @Override
    public Class<? extends Resource> kind() {
        return EbsSnapshot.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(OPERATION);
    }

    /** Snapshots are taken, copied, deleted, or shared and unshared. */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(
                EventTrigger.named("ec2.amazonaws.com", SNAPSHOTS, List.of("responseElements.snapshotId",
                                "requestParameters.snapshotId"), "CreateSnapshot", "CopySnapshot", "DeleteSnapshot",
                        "ModifySnapshotAttribute", "ResetSnapshotAttribute"),
                EventTrigger.regionWide("ec2.amazonaws.com", "CreateSnapshots"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        add(region, r -> { }, into);
    }

    /** Both listings, filtered on the named snapshot IDs: two calls (more names than a filter takes: the region). */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        if (names.size() > EbsVolumeCollector.FILTER_VALUES) {
            Collector.super.collect(region, names, into);
            return;
        }
        add(region, r -> r.filters(f -> f.name("snapshot-id").values(names)), into);
    }

    private static void add(RegionContext region, Consumer<DescribeSnapshotsRequest.Builder> filter, Inventory into) {
        List<Snapshot> listed = list(region, filter);
        List<Snapshot> owned = listed.stream().filter(s -> region.account().equals(s.ownerId())).toList();
        long unidentified = listed.stream().filter(s -> s.snapshotId() == null || s.ownerId() == null).count();
        if (unidentified > 0) {
            into.fault(new Fault(region.origin(), Set.of(EbsSnapshot.class), OPERATION, "AWS answered " + unidentified
                    + " snapshot(s) without the SnapshotId or OwnerId it always sends; they cannot be judged"));
        }
        if (owned.isEmpty()) {
            return;
        }
        Value<Set<String>> publicIds;
        try {
            publicIds = Value.known(list(region, r -> filter.accept(r.restorableByUserIds("all"))).stream()
                    .map(Snapshot::snapshotId).collect(Collectors.toSet()));
        } catch (CollectionException e) {
            publicIds = Value.failed(OPERATION + " (RestorableByUserIds=all) failed: " + e.getMessage());
        }
        for (Snapshot s : owned) {
            if (s.snapshotId() == null) {
                continue;
            }
            String arn = "arn:" + region.partition() + ":ec2:" + region.region() + "::snapshot/" + s.snapshotId();
            into.add(new EbsSnapshot(region.origin(), arn, s.snapshotId(), Reported.value(s.volumeId(), "VolumeId"),
                    Reported.value(s.startTime(), "StartTime"), Reported.value(s.stateAsString(), "State"),
                    Reported.value(s.encrypted(), "Encrypted"), publicIds.map(ids -> ids.contains(s.snapshotId())),
                    EbsVolumeCollector.tags(s.tags())));
        }
    }

    /** Every snapshot of one listing of the account's own ({@code OwnerIds=self}), 1,000 a page. */
    private static List<Snapshot> list(RegionContext region, Consumer<DescribeSnapshotsRequest.Builder> request) {
        Ec2Client ec2 = region.connection().client(Ec2Client::builder, region.region());
        return PAGES.all(ec2.describeSnapshotsPaginator(r -> request.accept(r.ownerIds("self").maxResults(PAGE))));
    }
}
