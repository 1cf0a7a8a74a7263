package dev.vigil.iac.mapping;

import dev.vigil.core.model.RdsCluster;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DB clusters: {@code AWS::RDS::DBCluster}, {@code AWS::DocDB::DBCluster}, {@code AWS::Neptune::DBCluster} and
 * {@code aws_rds_cluster}, {@code aws_docdb_cluster}, {@code aws_neptune_cluster}. Name = the cluster identifier in
 * lower case (as RDS stores it), else the logical ID or address; absent flags take the RDS API's defaults.
 */
final class RdsClusterMapping {

    static final Field IDENTIFIER = new Field("DBClusterIdentifier", "cluster_identifier");
    static final Field ENGINE = new Field("Engine", "engine");
    static final Field DELETION_PROTECTION = new Field("DeletionProtection", "deletion_protection");
    static final Field COPY_TAGS = new Field("CopyTagsToSnapshot", "copy_tags_to_snapshot");
    static final Field BACKTRACK_WINDOW = new Field("BacktrackWindow", "backtrack_window");
    static final Field BACKUP_RETENTION = new Field("BackupRetentionPeriod", "backup_retention_period");
    static final Field TAGS = new Field("Tags", "tags");

    /** The engine a type implies where the template need not say it. */
    private static final Map<String, String> IMPLIED_ENGINE = Map.of(
            "AWS::DocDB::DBCluster", "docdb", "aws_docdb_cluster", "docdb",
            "AWS::Neptune::DBCluster", "neptune", "aws_neptune_cluster", "neptune");

    static final KindMapping MAPPING = new KindMapping(RdsCluster.class,
            List.of("AWS::RDS::DBCluster", "AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster"),
            List.of("aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster"),
            RdsClusterMapping::map);

    private RdsClusterMapping() {
    }

    private static List<RdsCluster> map(Declaration d) {
        String name = d.lowerCaseName(IDENTIFIER);
        String engine = IMPLIED_ENGINE.getOrDefault(d.type(), lower(d.decided(ENGINE)));
        return List.of(new RdsCluster(d.origin(), d.id(), name, d.arn("rds", "cluster:" + name), engine,
                d.bool(DELETION_PROTECTION, false), d.bool(COPY_TAGS, false), d.integer(BACKTRACK_WINDOW, 0),
                d.integer(BACKUP_RETENTION, 1), d.tags(TAGS)));
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
