package dev.vigil.report;

import dev.vigil.core.model.BackupPlan;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.EbsVolume;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import java.util.Map;

/**
 * How finding formats name a kind of resource: ASFF's resource type ({@code AwsDynamoDbTable}, "Other" when ASFF
 * has none) and the AWS type name ({@code AWS::DynamoDB::Table}), which OCSF consumers such as AWS Security Hub use.
 */
record ResourceType(String asff, String cloudFormation) {

    static final ResourceType ACCOUNT = new ResourceType("AwsAccount", "AWS::::Account");
    private static final ResourceType OTHER = new ResourceType("Other", "Other");

    private static final Map<Class<? extends Resource>, ResourceType> KINDS = Map.of(
            DynamoDbTable.class, new ResourceType("AwsDynamoDbTable", "AWS::DynamoDB::Table"),
            RdsInstance.class, new ResourceType("AwsRdsDbInstance", "AWS::RDS::DBInstance"),
            RdsCluster.class, new ResourceType("AwsRdsDbCluster", "AWS::RDS::DBCluster"),
            EbsVolume.class, new ResourceType("AwsEc2Volume", "AWS::EC2::Volume"),
            EbsSnapshot.class, new ResourceType("Other", "AWS::EC2::Snapshot"),   // ASFF has no snapshot type
            BackupVault.class, new ResourceType("AwsBackupBackupVault", "AWS::Backup::BackupVault"),
            BackupPlan.class, new ResourceType("AwsBackupBackupPlan", "AWS::Backup::BackupPlan"));

    static ResourceType of(Class<? extends Resource> kind) {
        return KINDS.getOrDefault(kind, OTHER);
    }

    static boolean known(Class<? extends Resource> kind) {
        return KINDS.containsKey(kind);
    }
}
