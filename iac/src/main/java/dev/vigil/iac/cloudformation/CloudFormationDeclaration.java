package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.Field;
import dev.vigil.iac.mapping.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A CloudFormation resource's evaluated {@code Properties}, read as a {@link Declaration}. */
final class CloudFormationDeclaration implements Declaration {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final TemplateMapping mapping;
    private final String type;
    private final String logicalId;
    private final int line;
    private final Node properties;

    CloudFormationDeclaration(TemplateMapping mapping, String type, String logicalId, int line, MapNode resource) {
        this(mapping, type, logicalId, line, mapping.evaluator().evaluate(resource.get("Properties")));
    }

    /** @param properties evaluated: the resource's {@code Properties}, or one element of a list in them */
    private CloudFormationDeclaration(TemplateMapping mapping, String type, String logicalId, int line, Node properties) {
        this.mapping = mapping;
        this.type = type;
        this.logicalId = logicalId;
        this.line = line;
        this.properties = properties;
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

    @Override
    public Value<List<Declaration>> elements(Field field) {
        Node node = at(field);
        return switch (node) {
            case null -> Value.known(List.of());
            case Unresolved u -> Value.unknown(u.expression());
            case Scalar s when s.text() == null -> Value.known(List.of());
            case Scalar s when s.symbolic() -> Value.unknown(s.text());
            case ListNode list -> {
                List<Declaration> elements = new ArrayList<>();
                for (Node item : list.items()) {
                    if (item instanceof Unresolved u) {
                        yield Value.unknown(u.expression());
                    }
                    elements.add(new CloudFormationDeclaration(mapping, type, logicalId, line, item));
                }
                yield Value.known(List.copyOf(elements));
            }
            default -> Value.failed(field.cloudFormation() + " is " + mapping.template().asWritten(node)
                    + ", not a list");
        };
    }

    @Override
    public Target target(Field field) {
        return switch (at(field)) {
            case null -> null;
            case Unresolved u -> new Target.Undecided(u.expression());
            case Scalar s when s.text() != null && !s.symbolic() -> new Target.Text(s.text());
            case Node other -> new Target.Undecided(mapping.template().asWritten(other));
        };
    }

    /** A CloudFormation resource declares all it has: nothing configures it from outside. */
    @Override
    public List<Declaration> declarations(String otherType) {
        return List.of();
    }

    @Override
    public String arn(String service, String resource) {
        return mapping.evaluator().arn(service, resource);
    }

    /** The evaluated node at a property path, or null when any step is absent. */
    private Node at(Field field) {
        if (field.cloudFormation() == null) {
            return null;
        }
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
