package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import dev.vigil.iac.cloudformation.Node.MapNode;
import java.util.Map;

/**
 * SAM's {@code AWS::Serverless::SimpleTable}: a DynamoDB table whose declaration has no point-in-time recovery
 * setting, so it never has PITR; the fix is to declare an {@code AWS::DynamoDB::Table} instead.
 */
final class SimpleTableMapper implements ResourceMapper {

    static final String FIX = "an AWS::Serverless::SimpleTable cannot enable it; declare the table as "
            + "AWS::DynamoDB::Table with PointInTimeRecoverySpecification";

    @Override
    public Class<? extends Resource> kind() {
        return DynamoDbTable.class;
    }

    @Override
    public void map(TemplateMapping mapping, String logicalId, int line, MapNode resource,
                    Map<String, String> suppressed) {
        Node properties = mapping.evaluator().evaluate(resource.get("Properties"));
        mapping.add(new DynamoDbTable(mapping.origin(line), logicalId,
                TemplateMapping.text(TemplateMapping.field(properties, "TableName"), logicalId),
                Value.known(PitrStatus.DISABLED), null, FIX), suppressed);
    }
}
