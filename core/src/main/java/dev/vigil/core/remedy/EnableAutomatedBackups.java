package dev.vigil.core.remedy;

/**
 * Turn on automated backups of one DB instance, kept {@code days} days (RDS-002, and RDS-003 when they are off). AWS
 * documents an outage when the retention goes from 0 to a number of days, so Vigil leaves the timing to its owner.
 */
@PropertyFix(nameField = "instanceId", noun = "DB instance",
        cli = "# turning automated backups on causes an outage: without --apply-immediately RDS makes the change\n"
                + "# in the instance's next maintenance window\n"
                + "aws rds modify-db-instance --region {region} --db-instance-identifier {instanceId} \\\n"
                + "  --backup-retention-period {days}",
        cloudFormationType = "AWS::RDS::DBInstance", cloudFormationName = "DBInstanceIdentifier",
        cloudFormation = "BackupRetentionPeriod: {days}",
        terraformType = "aws_db_instance", terraformName = "identifier",
        terraform = "backup_retention_period = {days}",
        planOnly = "turning automated backups on (a retention of 0 days raised to more) causes an outage of the "
                + "instance, so Vigil does not do it; make the change for the instance's maintenance window")
public record EnableAutomatedBackups(String instanceId, String days) implements Remedy {
}
