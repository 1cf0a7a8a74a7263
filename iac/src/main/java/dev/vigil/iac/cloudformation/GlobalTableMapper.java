package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import java.util.Map;

/**
 * {@code AWS::DynamoDB::GlobalTable}: one table per replica, ID {@code LogicalId[region]} (e.g.
 * {@code Orders[eu-west-1]}; an unresolved region shows as written, e.g. {@code Orders[!Ref Secondary]}),
 * at the replica's line, PITR from the replica's {@code PointInTimeRecoverySpecification}.
 */
final class GlobalTableMapper implements ResourceMapper {

    @Override
    public Class<? extends Resource> kind() {
        return DynamoDbTable.class;
    }

    @Override
    public void map(TemplateMapping mapping, String logicalId, int line, MapNode resource,
                    Map<String, String> suppressed) {
        Node properties = mapping.evaluator().evaluate(resource.get("Properties"));
        String name = TemplateMapping.text(TemplateMapping.field(properties, "TableName"), logicalId);
        Node replicas = TemplateMapping.field(properties, "Replicas");
        if (replicas instanceof Unresolved unresolved) {
            mapping.add(new DynamoDbTable(mapping.origin(line), logicalId, name,
                    Value.unknown(unresolved.expression()), null), suppressed);
            return;
        }
        if (!(replicas instanceof ListNode list)) {
            return;
        }
        for (Node replica : list.items()) {
            Node specification = TemplateMapping.field(replica, "PointInTimeRecoverySpecification");
            String region = mapping.presence(TemplateMapping.field(replica, "Region"));
            mapping.add(new DynamoDbTable(mapping.origin(replica.span().line()),
                    logicalId + "[" + (region == null ? "?" : region) + "]", name,
                    PointInTimeRecovery.status(mapping, specification),
                    PointInTimeRecovery.recoveryPeriodDays(specification)), suppressed);
        }
    }
}
