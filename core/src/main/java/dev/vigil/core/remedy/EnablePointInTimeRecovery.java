package dev.vigil.core.remedy;

/** Turn on point-in-time recovery for one DynamoDB table. */
public record EnablePointInTimeRecovery(String tableName) implements Remedy {
}
