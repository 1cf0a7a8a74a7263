package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.TableProtection;
import java.util.List;
import java.util.Map;

/**
 * {@code AWS::DynamoDB::GlobalTable}: one table per replica, ID {@code LogicalId[region]} (e.g.
 * {@code Orders[eu-west-1]}; an unresolved region shows as written, e.g. {@code Orders[!Ref Secondary]}),
 * at the replica's line, PITR from the replica's {@code PointInTimeRecoverySpecification}; encryption from the table's
 * {@code SSESpecification} with the replica's key, deletion protection from the replica.
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
                    Value.unknown(unresolved.expression()), null)
                    .with(Value.unknown(unresolved.expression()), Value.unknown(unresolved.expression())), suppressed);
            return;
        }
        if (!(replicas instanceof ListNode list)) {
            return;
        }
        Declaration table = new CloudFormationDeclaration(mapping, "AWS::DynamoDB::GlobalTable", logicalId, line,
                resource);
        Value<List<Declaration>> declared = table.elements(TableProtection.REPLICAS);
        for (int i = 0; i < list.items().size(); i++) {
            Node replica = list.items().get(i);
            Node specification = TemplateMapping.field(replica, "PointInTimeRecoverySpecification");
            String region = mapping.presence(TemplateMapping.field(replica, "Region"));
            int at = i;
            Value<Declaration> own = declared.map(all -> all.get(at));
            mapping.add(new DynamoDbTable(mapping.origin(replica.span().line()),
                    logicalId + "[" + (region == null ? "?" : region) + "]", name,
                    PointInTimeRecovery.status(mapping, specification),
                    PointInTimeRecovery.recoveryPeriodDays(specification))
                    .with(own.flatMap(r -> TableProtection.key(table, r, TableProtection.REPLICA_KEY)),
                            own.flatMap(TableProtection::deletionProtection)), suppressed);
        }
    }
}
