package dev.vigil.core.remedy;

/**
 * Keep one DB instance's automated backups {@code days} days (RDS-003), when they are already on: from one number of
 * days to another RDS applies the change as soon as it can, without an outage, so the command does not ask to apply
 * pending changes at once. From 0 (backups off) it would restart the instance: that is {@link EnableAutomatedBackups}.
 */
@PropertyFix(nameField = "instanceId", noun = "DB instance",
        cli = "aws rds modify-db-instance --region {region} --db-instance-identifier {instanceId} \\\n"
                + "  --backup-retention-period {days}",
        cloudFormationType = "AWS::RDS::DBInstance", cloudFormationName = "DBInstanceIdentifier",
        cloudFormation = "BackupRetentionPeriod: {days}",
        terraformType = "aws_db_instance", terraformName = "identifier",
        terraform = "backup_retention_period = {days}")
public record RaiseBackupRetention(String instanceId, String days) implements Remedy {
}
