package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.Field;
import dev.vigil.iac.mapping.JsonDocument;
import dev.vigil.iac.mapping.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** The properties as written, for {@link #referenced}; null for an element of a list (see {@link #elements}). */
    private final Node written;
    private final Node properties;

    CloudFormationDeclaration(TemplateMapping mapping, String type, String logicalId, int line, MapNode resource) {
        this(mapping, type, logicalId, line, resource.get("Properties"),
                mapping.evaluator().evaluate(resource.get("Properties")));
    }

    /** @param properties evaluated: the resource's {@code Properties}, or one element of a list in them */
    private CloudFormationDeclaration(TemplateMapping mapping, String type, String logicalId, int line, Node written,
                                      Node properties) {
        this.mapping = mapping;
        this.type = type;
        this.logicalId = logicalId;
        this.line = line;
        this.written = written;
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
    public Value<java.util.List<String>> strings(Field field) {
        Node node = at(field);
        if (node == null) {
            return Value.known(java.util.List.of());
        }
        if (node instanceof Unresolved u) {
            return Value.unknown(u.expression());
        }
        if (!(node instanceof ListNode list)) {
            return Value.failed(field.cloudFormation() + " is " + mapping.template().asWritten(node) + ", not a list");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Node item : list.items()) {
            switch (item) {
                case Unresolved u -> {
                    return Value.unknown(u.expression());
                }
                case Scalar s when s.text() != null && s.symbolic() -> {
                    return Value.unknown(s.text());
                }
                case Scalar s when s.text() != null -> out.add(s.text());
                default -> {
                    return Value.failed(field.cloudFormation() + " holds " + mapping.template().asWritten(item)
                            + ", not text");
                }
            }
        }
        return Value.known(out);
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
                // the list as written, item for item, when no function rewrote it (for referenced)
                List<Node> asWritten = writtenAt(field) instanceof ListNode w
                        && w.items().size() == list.items().size() ? w.items() : null;
                List<Declaration> elements = new ArrayList<>();
                for (Node item : list.items()) {
                    if (item instanceof Unresolved u) {
                        yield Value.unknown(u.expression());
                    }
                    elements.add(new CloudFormationDeclaration(mapping, type, logicalId, line,
                            asWritten == null ? null : asWritten.get(elements.size()), item));
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

    /** A {@code Ref} or {@code Fn::GetAtt} (long form, or the list or dotted argument of the short form) as written. */
    @Override
    public Optional<Declaration> referenced(Field field, Set<String> types) {
        if (field.cloudFormation() == null) {
            return Optional.empty();
        }
        Node node = writtenAt(field);
        String name = null;
        if (node instanceof MapNode call && call.fields().size() == 1) {
            if (call.get("Ref") instanceof Scalar ref) {
                name = ref.text();
            } else if (call.get("Fn::GetAtt") instanceof ListNode args && !args.items().isEmpty()
                    && args.items().getFirst() instanceof Scalar resource) {
                name = resource.text();
            } else if (call.get("Fn::GetAtt") instanceof Scalar dotted && dotted.text() != null) {
                name = dotted.text().split("\\.", 2)[0];
            }
        }
        String referencedType = name == null ? null : mapping.evaluator().type(name);
        if (referencedType != null && types.contains(referencedType)
                && mapping.template().section("Resources").fields().get(name) instanceof Node.Field declared
                && declared.value() instanceof MapNode resource && mapping.evaluator().present(resource)) {
            return Optional.of(new CloudFormationDeclaration(mapping, referencedType, name, declared.line(), resource));
        }
        return Optional.empty();
    }

    /** The node at a property path as written, before evaluation; null when absent or not reachable as written. */
    private Node writtenAt(Field field) {
        Node node = written;
        for (String step : field.cloudFormation().split("\\.")) {
            node = node instanceof MapNode map ? map.get(step) : null;
        }
        return node;
    }

    @Override
    public Value<Object> document(Field field) {
        Node node = at(field);
        return switch (node) {
            case null -> null;
            case Scalar s when s.text() == null -> null;
            case Scalar s when s.symbolic() -> Value.unknown(s.text());
            case Scalar s -> JsonDocument.parse(field.cloudFormation(), s.text());
            default -> Value.known(plain(node));
        };
    }

    /** A node as plain values, unresolved parts as unknowns. */
    private static Object plain(Node node) {
        return switch (node) {
            case MapNode map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.fields().forEach((key, f) -> out.put(key, plain(f.value())));
                yield out;
            }
            case ListNode list -> list.items().stream().map(CloudFormationDeclaration::plain).toList();
            case Scalar s when s.symbolic() -> Value.unknown(s.text());
            case Scalar s -> s.text() == null ? "" : s.text();
            case Unresolved u -> Value.unknown(u.expression());
        };
    }

    /** The evaluated {@code Properties}, for per-kind code that reads what no {@code Field} describes. */
    Node properties() {
        return properties;
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
