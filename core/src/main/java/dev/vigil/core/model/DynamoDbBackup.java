package dev.vigil.core.model;

import java.time.Instant;

/**
 * An on-demand backup of a DynamoDB table, made by DynamoDB ({@code USER}), by AWS Backup ({@code AWS_BACKUP}) or by
 * DynamoDB when the table was deleted ({@code SYSTEM}).
 *
 * @param tableName the table it was taken of
 * @param type      as AWS names it: USER, SYSTEM or AWS_BACKUP
 * @param status    as AWS names it: CREATING, AVAILABLE or DELETED
 */
public record DynamoDbBackup(Origin origin, String id, String name, String tableName, String type, String status,
                             Instant created) implements Resource {
}
