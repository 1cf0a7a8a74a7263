package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.MapNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code AWS::RDS::DBInstance}: ID is the logical ID, name the DB instance identifier (see
 * {@link TemplateEvaluator#rdsIdentifier}), ARN the synthetic {@link TemplateEvaluator#rdsArn} that backup
 * selections in the same template resolve to. Tags whose key or value cannot be resolved are left out.
 */
final class RdsInstanceMapper implements ResourceMapper {

    @Override
    public Class<? extends Resource> kind() {
        return RdsInstance.class;
    }

    @Override
    public void map(TemplateMapping mapping, String logicalId, int line, MapNode resource,
                    Map<String, String> suppressed) {
        TemplateEvaluator evaluator = mapping.evaluator();
        Node properties = evaluator.evaluate(resource.get("Properties"));
        String engine = TemplateMapping.text(TemplateMapping.field(properties, "Engine"), null);
        mapping.add(new RdsInstance(mapping.origin(line), logicalId, evaluator.rdsIdentifier(logicalId),
                evaluator.rdsArn(logicalId), engine == null ? null : engine.toLowerCase(Locale.ROOT),
                mapping.presence(TemplateMapping.field(properties, "DBClusterIdentifier")),
                mapping.presence(TemplateMapping.field(properties, "SourceDBInstanceIdentifier")),
                tags(TemplateMapping.field(properties, "Tags"))), suppressed);
    }

    private static Map<String, String> tags(Node tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags instanceof ListNode list) {
            for (Node tag : list.items()) {
                if (TemplateMapping.field(tag, "Key") instanceof Scalar key && key.text() != null && !key.symbolic()
                        && TemplateMapping.field(tag, "Value") instanceof Scalar value && value.text() != null
                        && !value.symbolic()) {
                    out.put(key.text(), value.text());
                }
            }
        }
        return out;
    }
}
