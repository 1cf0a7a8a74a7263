package dev.vigil.core.remedy;

/** Have one DB instance copy its tags to the snapshots taken of it from now on (RDS-026); no restart. */
@PropertyFix(nameField = "instanceId", noun = "DB instance",
        cli = "aws rds modify-db-instance --region {region} --db-instance-identifier {instanceId} \\\n"
                + "  --copy-tags-to-snapshot",
        cloudFormationType = "AWS::RDS::DBInstance", cloudFormationName = "DBInstanceIdentifier",
        cloudFormation = "CopyTagsToSnapshot: true",
        terraformType = "aws_db_instance", terraformName = "identifier",
        terraform = "copy_tags_to_snapshot = true")
public record EnableCopyTagsToSnapshot(String instanceId) implements Remedy {
}
