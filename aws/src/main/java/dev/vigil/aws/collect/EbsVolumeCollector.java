package dev.vigil.aws.collect;

import dev.vigil.core.model.EbsVolume;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * EBS volumes from DescribeVolumes, 500 a page, tags included: no per-volume call. Paginated (and filtered) requests
 * draw on EC2's standard bucket for non-mutating calls; unpaginated, unfiltered ones on a smaller one. A re-check of
 * named volumes filters on {@code volume-id}, so a volume that is gone is simply absent (the VolumeIds parameter
 * would fail the whole call instead).
 */
public final class EbsVolumeCollector implements Collector {

    static final String OPERATION = "ec2:DescribeVolumes";
    static final int PAGE = 500;
    /** EC2 takes up to 200 values per filter. */
    static final int FILTER_VALUES = 200;
    private static final Pages<DescribeVolumesResponse, Volume> PAGES = new Pages<>(OPERATION, "Volumes",
            DescribeVolumesResponse::hasVolumes, DescribeVolumesResponse::volumes, DescribeVolumesResponse::nextToken);

    @Override
    public Class<? extends Resource> kind() {
        return EbsVolume.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(OPERATION);
    }

    /**
     * A volume is created or deleted, or gains a snapshot (EBS-004 judges volumes by their snapshots); a deleted
     * snapshot, or snapshots of a whole instance, name no single volume: every volume of the region is read again.
     */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(
                new EventTrigger("ec2.amazonaws.com", Set.of("CreateVolume", "DeleteVolume", "CreateSnapshot"),
                        List.of("requestParameters.volumeId", "responseElements.volumeId")),
                new EventTrigger("ec2.amazonaws.com", Set.of("DeleteSnapshot", "CreateSnapshots"), List.of()));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        add(region, describe(region, r -> { }), into);
    }

    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        List<String> ids = List.copyOf(names);
        List<Volume> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += FILTER_VALUES) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + FILTER_VALUES));
            found.addAll(describe(region, r -> r.filters(f -> f.name("volume-id").values(chunk))));
        }
        add(region, found, into);
    }

    private static List<Volume> describe(RegionContext region, Consumer<DescribeVolumesRequest.Builder> request) {
        Ec2Client ec2 = region.connection().client(Ec2Client::builder, region.region());
        return PAGES.all(ec2.describeVolumesPaginator(r -> request.accept(r.maxResults(PAGE))));
    }

    /** Adds every volume; one without the VolumeId AWS always sends cannot be judged, and makes the listing a fault. */
    private static void add(RegionContext region, List<Volume> volumes, Inventory into) {
        int unnamed = 0;
        for (Volume v : volumes) {
            if (v.volumeId() == null) {
                unnamed++;
                continue;
            }
            String arn = "arn:" + region.partition() + ":ec2:" + region.region() + ":" + region.account() + ":volume/"
                    + v.volumeId();
            into.add(new EbsVolume(region.origin(), arn, v.volumeId(), Value.known(v.volumeId()), tags(v.tags())));
        }
        if (unnamed > 0) {
            into.fault(new Fault(region.origin(), Set.of(EbsVolume.class), OPERATION, "AWS answered " + unnamed
                    + " volume(s) without the VolumeId it always sends; they cannot be judged"));
        }
    }

    static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().filter(t -> t.key() != null && t.value() != null)
                .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
    }
}
