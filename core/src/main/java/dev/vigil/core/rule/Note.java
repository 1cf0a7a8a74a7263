package dev.vigil.core.rule;

/** A rule's statement about a whole scope, e.g. "AWS Backup is in use for Amazon RDS in us-east-1". */
public record Note(String ruleId, String scope, String region, String text) {
}
