package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.Resource;
import dev.vigil.iac.cloudformation.Node.MapNode;
import java.util.Map;

/** Maps one CloudFormation resource type into model resources. */
interface ResourceMapper {

    /** The kind of model resource it yields. */
    Class<? extends Resource> kind();

    /**
     * @param logicalId  the resource's logical ID
     * @param line       the line of its logical ID
     * @param resource   its unevaluated declaration (Type, Properties, ...)
     * @param suppressed the rule suppressions declared on it, rule ID to reason
     */
    void map(TemplateMapping mapping, String logicalId, int line, MapNode resource, Map<String, String> suppressed);
}
