package dev.vigil.iac.mapping;

/**
 * What a field that names another resource says, for the joins per-kind code makes (Terraform's
 * {@code aws_s3_bucket_versioning} names its bucket in {@code bucket}).
 */
public sealed interface Target {

    /** A decided value, e.g. a bucket's name written as text. */
    record Text(String value) implements Target {}

    /** A reference to another resource of the configuration: its ID (a Terraform address) and the attribute read. */
    record Attribute(String id, String attribute) implements Target {}

    /** Anything that cannot be decided before deployment (a variable without value, a data source, an expression). */
    record Undecided(String expression) implements Target {}
}
