package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Resource;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.TableProtection;
import java.util.Map;

/**
 * {@code AWS::DynamoDB::Table}: ID is the logical ID, name the {@code TableName} or else the logical ID, PITR
 * from {@code PointInTimeRecoverySpecification}, encryption and deletion protection as {@link TableProtection} reads them.
 * Also SAM's {@code AWS::Serverless::SimpleTable}, a table whose
 * declaration has no point-in-time recovery setting: it never has PITR, and the fix is to declare an
 * {@code AWS::DynamoDB::Table} instead.
 */
final class DynamoDbTableMapper implements ResourceMapper {

    static final String SIMPLE_TABLE_FIX = "an AWS::Serverless::SimpleTable cannot enable it; declare the table as "
            + "AWS::DynamoDB::Table with PointInTimeRecoverySpecification";

    private final String pitrFix;

    /** @param pitrFix null for a type that can have PITR; else what to declare instead (see the class comment) */
    DynamoDbTableMapper(String pitrFix) {
        this.pitrFix = pitrFix;
    }

    @Override
    public Class<? extends Resource> kind() {
        return DynamoDbTable.class;
    }

    @Override
    public void map(TemplateMapping mapping, String logicalId, int line, MapNode resource,
                    Map<String, String> suppressed) {
        Node properties = mapping.evaluator().evaluate(resource.get("Properties"));
        Node specification = pitrFix == null ? TemplateMapping.field(properties, "PointInTimeRecoverySpecification")
                : null;
        Declaration d = new CloudFormationDeclaration(mapping, TemplateMapping.text(resource.get("Type"), ""),
                logicalId, line, resource);
        mapping.add(new DynamoDbTable(mapping.origin(line), logicalId,
                TemplateMapping.text(TemplateMapping.field(properties, "TableName"), logicalId),
                PointInTimeRecovery.status(mapping, specification),
                PointInTimeRecovery.recoveryPeriodDays(specification), pitrFix)
                .with(TableProtection.key(d, d, TableProtection.KEY), TableProtection.deletionProtection(d)),
                suppressed);
    }
}
