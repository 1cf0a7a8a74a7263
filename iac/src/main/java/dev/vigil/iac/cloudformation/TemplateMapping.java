package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Resource;
import dev.vigil.iac.MappedResources;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import java.util.Map;
import java.util.Set;

/** What the mappers of one template share and produce: the evaluator, the resources, faults and suppressions. */
final class TemplateMapping {

    private final Template template;
    private final TemplateEvaluator evaluator;
    private final MappedResources mapped = new MappedResources();

    TemplateMapping(Template template, CloudFormationOptions options) {
        this.template = template;
        this.evaluator = new TemplateEvaluator(template, options);
    }

    Template template() {
        return template;
    }

    TemplateEvaluator evaluator() {
        return evaluator;
    }

    Origin.Template origin(int line) {
        return new Origin.Template(template.file(), line, template.file());
    }

    /** Adds a resource with the rule suppressions (rule ID to reason) of the declaration it came from. */
    void add(Resource resource, Map<String, String> suppressed) {
        mapped.add(resource, suppressed);
    }

    /** Reports that resources of {@code kind} in this template cannot be fully known. */
    void fault(int line, Class<? extends Resource> kind, String problem) {
        mapped.fault(new Fault(origin(line), Set.of(kind), "cloudformation:evaluate",
                template.file() + ":" + line + ": " + problem));
    }

    MappedResources mapped() {
        return mapped;
    }

    /** The entry {@code key} of evaluated properties; an unresolved whole stays unresolved; else null. */
    static Node field(Node properties, String key) {
        if (properties instanceof MapNode map) {
            return map.get(key);
        }
        return properties instanceof Unresolved ? properties : null;
    }

    /** Decided text, or {@code fallback} when absent, unresolved or not text. */
    static String text(Node value, String fallback) {
        return value instanceof Scalar scalar && scalar.text() != null ? scalar.text() : fallback;
    }

    /** Text when present: decided text, or the blocking expression when unresolved; null when absent. */
    String presence(Node value) {
        return switch (value) {
            case null -> null;
            case Scalar scalar -> scalar.text();
            case Unresolved unresolved -> unresolved.expression();
            default -> template.asWritten(value);
        };
    }
}
