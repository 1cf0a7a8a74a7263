package dev.vigil.aws.collect;

import dev.vigil.core.model.DynamoDbBackup;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import java.util.Iterator;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;

/**
 * On-demand backups of the region's tables, of every type (made by DynamoDB, by AWS Backup, or when a table was
 * deleted), from ListBackups: one listing for the whole region, 100 a page, never a call per table. The SDK has no
 * paginator for it, so pages follow {@code LastEvaluatedBackupArn} here, checked like every listing ({@link Pages}).
 */
public final class DynamoDbBackupCollector implements Collector {

    static final String LIST = "dynamodb:ListBackups";
    private static final Pages<ListBackupsResponse, BackupSummary> PAGES = new Pages<>(LIST, "BackupSummaries",
            ListBackupsResponse::hasBackupSummaries, ListBackupsResponse::backupSummaries,
            ListBackupsResponse::lastEvaluatedBackupArn);

    @Override
    public Class<? extends Resource> kind() {
        return DynamoDbBackup.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(LIST);
    }

    /** A backup made or deleted concerns the region's listing, which is read again whole. */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.regionWide("dynamodb.amazonaws.com", "CreateBackup", "DeleteBackup"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        DynamoDbClient client = region.connection().client(DynamoDbClient::builder, region.region());
        long incomplete = 0;
        for (BackupSummary b : PAGES.all(pages(client))) {
            if (b.backupArn() == null || b.tableName() == null || b.backupCreationDateTime() == null
                    || b.backupTypeAsString() == null || b.backupStatusAsString() == null) {
                incomplete++;
                continue;
            }
            into.add(new DynamoDbBackup(region.origin(), b.backupArn(), b.backupName() == null ? b.backupArn()
                    : b.backupName(), b.tableName(), b.backupTypeAsString(), b.backupStatusAsString(),
                    b.backupCreationDateTime()));
        }
        if (incomplete > 0) {
            throw new CollectionException(LIST, "AWS answered " + incomplete + " backup(s) without the BackupArn, "
                    + "TableName, BackupCreationDateTime, BackupType or BackupStatus it always sends; they cannot be "
                    + "judged");
        }
    }

    /** Page after page, each asked for when the previous one has been read. */
    private static Iterable<ListBackupsResponse> pages(DynamoDbClient client) {
        return () -> new Iterator<>() {
            private ListBackupsResponse last;

            @Override
            public boolean hasNext() {
                return last == null || last.lastEvaluatedBackupArn() != null;
            }

            @Override
            public ListBackupsResponse next() {
                String from = last == null ? null : last.lastEvaluatedBackupArn();
                last = client.listBackups(r -> r.backupType(BackupTypeFilter.ALL).limit(100)
                        .exclusiveStartBackupArn(from));
                return last;
            }
        };
    }
}
