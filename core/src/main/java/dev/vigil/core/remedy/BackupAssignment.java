package dev.vigil.core.remedy;

/**
 * A remedy made by assigning one resource, by its ARN, to the AWS Backup plan of its region ({@link BackupPlanDefaults}):
 * live and in every emitted form, the assignments of one region share one vault, one plan and one selection.
 */
public interface BackupAssignment {

    /** The ARN the selection assigns. */
    String resourceArn();
}
