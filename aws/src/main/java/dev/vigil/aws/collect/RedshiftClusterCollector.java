package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RedshiftCluster;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterNotFoundException;
import software.amazon.awssdk.services.redshift.model.DescribeClustersResponse;
import software.amazon.awssdk.services.redshift.model.Tag;

/**
 * Provisioned Redshift clusters from DescribeClusters (paginated, 100 a page), with their retention period and tags
 * in the same response: one call per region, none per cluster; a re-check of named clusters (a fix's or an event's)
 * describes each by identifier. The response has no cluster ARN; it is built from the identifier as AWS writes it ({@code arn:PARTITION:redshift:REGION:ACCOUNT:cluster:ID}).
 */
public final class RedshiftClusterCollector implements Collector {

    static final String OPERATION = "redshift:DescribeClusters";
    private static final Pages<DescribeClustersResponse, Cluster> PAGES = new Pages<>(OPERATION, "Clusters",
            DescribeClustersResponse::hasClusters, DescribeClustersResponse::clusters, DescribeClustersResponse::marker);

    @Override
    public Class<? extends Resource> kind() {
        return RedshiftCluster.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(OPERATION);
    }

    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.named("redshift.amazonaws.com", new EventTrigger.Names("cluster:", true),
                List.of("requestParameters.clusterIdentifier", "requestParameters.resourceName"), "CreateCluster",
                "ModifyCluster", "DeleteCluster", "RestoreFromClusterSnapshot", "CreateTags", "DeleteTags"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        RedshiftClient client = region.connection().client(RedshiftClient::builder, region.region());
        add(region, PAGES.all(client.describeClustersPaginator(r -> r.maxRecords(100))), into);
    }

    /**
     * One DescribeClusters per named cluster (an identifier, or the ARN tag events carry; the API has no filter by
     * identifier); a cluster that is gone is absent.
     */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        RedshiftClient client = region.connection().client(RedshiftClient::builder, region.region());
        for (String name : names) {
            String id = name.startsWith("arn:") ? name.substring(name.lastIndexOf(':') + 1) : name;
            try {
                add(region, PAGES.all(List.of(Faults.call(OPERATION,
                        () -> client.describeClusters(r -> r.clusterIdentifier(id))))), into);
            } catch (CollectionException e) {
                if (!(e.getCause() instanceof ClusterNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    /** Adds every cluster that can be judged, then fails the listing if AWS left any unnamed. */
    private static void add(RegionContext region, List<Cluster> clusters, Inventory into) {
        int unnamed = 0;
        for (Cluster c : clusters) {
            if (c.clusterIdentifier() == null) {
                unnamed++;
                continue;
            }
            String arn = "arn:" + region.partition() + ":redshift:" + region.region() + ":" + region.account()
                    + ":cluster:" + c.clusterIdentifier();
            Map<String, String> tags = c.tags().stream()
                    .filter(t -> t.key() != null && t.value() != null)
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
            into.add(new RedshiftCluster(region.origin(), arn, c.clusterIdentifier(), arn,
                    c.automatedSnapshotRetentionPeriod() == null
                            ? Value.failed("AWS did not report AutomatedSnapshotRetentionPeriod")
                            : Value.known(c.automatedSnapshotRetentionPeriod().longValue()), tags));
        }
        if (unnamed > 0) {
            throw new CollectionException(OPERATION, "AWS answered " + unnamed
                    + " cluster(s) without the ClusterIdentifier it always sends; they cannot be judged");
        }
    }
}
