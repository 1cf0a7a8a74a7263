package dev.vigil.iac.mapping;

import dev.vigil.core.model.RedshiftCluster;
import java.util.List;

/**
 * Provisioned Redshift clusters: {@code AWS::Redshift::Cluster} and {@code aws_redshift_cluster}. Name = the cluster
 * identifier in lower case, else the logical ID or address; an absent retention period is 1 day, as CloudFormation,
 * Terraform and the API all default it.
 */
final class RedshiftClusterMapping {

    static final Field IDENTIFIER = new Field("ClusterIdentifier", "cluster_identifier");
    static final Field SNAPSHOT_RETENTION = new Field("AutomatedSnapshotRetentionPeriod",
            "automated_snapshot_retention_period");
    static final Field TAGS = new Field("Tags", "tags");

    static final KindMapping MAPPING = new KindMapping(RedshiftCluster.class, List.of("AWS::Redshift::Cluster"),
            List.of("aws_redshift_cluster"), RedshiftClusterMapping::map);

    private RedshiftClusterMapping() {
    }

    private static List<RedshiftCluster> map(Declaration d) {
        String name = d.lowerCaseName(IDENTIFIER);
        return List.of(new RedshiftCluster(d.origin(), d.id(), name, d.arn("redshift", "cluster:" + name),
                d.integer(SNAPSHOT_RETENTION, 1), d.tags(TAGS)));
    }
}
