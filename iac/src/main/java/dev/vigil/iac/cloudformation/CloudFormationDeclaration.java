package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A CloudFormation resource's evaluated {@code Properties}, read as a {@link Declaration}. */
final class CloudFormationDeclaration implements Declaration {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final TemplateMapping mapping;
    private final String type;
    private final String logicalId;
    private final int line;
    private final Node written;
    private final Node properties;

    CloudFormationDeclaration(TemplateMapping mapping, String type, String logicalId, int line, MapNode resource) {
        this.mapping = mapping;
        this.type = type;
        this.logicalId = logicalId;
        this.line = line;
        this.written = resource.get("Properties");
        this.properties = mapping.evaluator().evaluate(written);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String id() {
        return logicalId;
    }

    @Override
    public Origin.Template origin() {
        return mapping.origin(line);
    }

    @Override
    public Value<Boolean> bool(Field field, boolean absent) {
        return read(field, Value.known(absent), scalar -> {
            Boolean b = scalar.bool();
            return b != null ? Value.known(b) : invalid(field, scalar, "true or false");
        });
    }

    @Override
    public Value<Long> integer(Field field, long absent) {
        return read(field, Value.known(absent), scalar -> INTEGER.matcher(scalar.text().strip()).matches()
                ? Value.known(Long.parseLong(scalar.text().strip())) : invalid(field, scalar, "a whole number"));
    }

    @Override
    public Value<String> text(Field field, String absent) {
        return read(field, Value.known(absent == null ? "" : absent), scalar -> Value.known(scalar.text()));
    }

    @Override
    public String decided(Field field) {
        return at(field) instanceof Scalar scalar && scalar.text() != null && !scalar.symbolic() ? scalar.text() : null;
    }

    @Override
    public Map<String, String> tags(Field field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (at(field) instanceof ListNode list) {
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

    /** A {@code Ref} to a resource of the template, as written (before evaluation, which does not keep it). */
    @Override
    public Optional<Declaration> referenced(Field field, Set<String> types) {
        Node node = written;
        for (String step : field.cloudFormation().split("\\.")) {
            node = node instanceof MapNode map ? map.get(step) : null;
        }
        if (!(node instanceof MapNode ref && ref.fields().size() == 1 && ref.get("Ref") instanceof Scalar name
                && name.text() != null)) {
            return Optional.empty();
        }
        String referencedType = mapping.evaluator().type(name.text());
        if (referencedType != null && types.contains(referencedType)
                && mapping.template().section("Resources").fields().get(name.text()) instanceof Node.Field declared
                && declared.value() instanceof MapNode resource && mapping.evaluator().present(resource)) {
            return Optional.of(new CloudFormationDeclaration(mapping, referencedType, name.text(), declared.line(),
                    resource));
        }
        return Optional.empty();
    }

    @Override
    public String arn(String service, String resource) {
        return mapping.evaluator().arn(service, resource);
    }

    /** The evaluated node at a property path, or null when any step is absent. */
    private Node at(Field field) {
        Node node = properties;
        for (String step : field.cloudFormation().split("\\.")) {
            if (node instanceof Unresolved) {
                return node;
            }
            node = TemplateMapping.field(node, step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private <T> Value<T> read(Field field, Value<T> absent, java.util.function.Function<Scalar, Value<T>> scalar) {
        Node node = at(field);
        return switch (node) {
            case null -> absent;
            case Unresolved u -> Value.unknown(u.expression());
            case Scalar s when s.text() == null -> absent;
            case Scalar s when s.symbolic() -> Value.unknown(s.text());
            case Scalar s -> scalar.apply(s);
            default -> Value.failed(field.cloudFormation() + " is " + mapping.template().asWritten(node)
                    + ", not a single value");
        };
    }

    private static <T> Value<T> invalid(Field field, Scalar scalar, String accepted) {
        return Value.failed(field.cloudFormation() + " is '" + scalar.text() + "'; CloudFormation accepts " + accepted);
    }
}
