package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Resource;
import dev.vigil.iac.cloudformation.Node.MapNode;
import java.util.Map;

/**
 * {@code AWS::DynamoDB::Table}: ID is the logical ID, name the {@code TableName} or else the logical ID, PITR
 * from {@code PointInTimeRecoverySpecification}.
 */
final class DynamoDbTableMapper implements ResourceMapper {

    @Override
    public Class<? extends Resource> kind() {
        return DynamoDbTable.class;
    }

    @Override
    public void map(TemplateMapping mapping, String logicalId, int line, MapNode resource,
                    Map<String, String> suppressed) {
        Node properties = mapping.evaluator().evaluate(resource.get("Properties"));
        Node specification = TemplateMapping.field(properties, "PointInTimeRecoverySpecification");
        mapping.add(new DynamoDbTable(mapping.origin(line), logicalId,
                TemplateMapping.text(TemplateMapping.field(properties, "TableName"), logicalId),
                PointInTimeRecovery.status(mapping, specification),
                PointInTimeRecovery.recoveryPeriodDays(specification)), suppressed);
    }
}
