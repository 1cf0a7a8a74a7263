package dev.vigil.core.remedy;

/** Turn on deletion protection for one DB instance (RDS-031); it takes effect at once, without a restart. */
@PropertyFix(nameField = "instanceId", noun = "DB instance",
        cli = "aws rds modify-db-instance --region {region} --db-instance-identifier {instanceId} \\\n"
                + "  --deletion-protection",
        cloudFormationType = "AWS::RDS::DBInstance", cloudFormationName = "DBInstanceIdentifier",
        cloudFormation = "DeletionProtection: true",
        terraformType = "aws_db_instance", terraformName = "identifier",
        terraform = "deletion_protection = true")
public record EnableInstanceDeletionProtection(String instanceId) implements Remedy {
}
