package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.mapping.RdsInstanceMapping;
import java.util.Locale;
import java.util.Map;

/**
 * {@code AWS::RDS::DBInstance}: ID is the logical ID, name the DB instance identifier (see
 * {@link TemplateEvaluator#rdsIdentifier}), ARN the synthetic {@link TemplateEvaluator#rdsArn} that backup
 * selections in the same template resolve to; its tags and settings are read by {@link RdsInstanceMapping}.
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
        CloudFormationDeclaration declaration = new CloudFormationDeclaration(mapping, TemplateEvaluator.DB_INSTANCE,
                logicalId, line, resource);
        Node properties = declaration.properties();
        String engine = TemplateMapping.text(TemplateMapping.field(properties, "Engine"), null);
        mapping.add(RdsInstanceMapping.instance(declaration, evaluator.rdsIdentifier(logicalId),
                evaluator.rdsArn(logicalId), engine == null ? null : engine.toLowerCase(Locale.ROOT),
                mapping.presence(TemplateMapping.field(properties, "DBClusterIdentifier")),
                mapping.presence(TemplateMapping.field(properties, "SourceDBInstanceIdentifier"))), suppressed);
    }
}
