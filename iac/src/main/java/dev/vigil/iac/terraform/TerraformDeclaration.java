package dev.vigil.iac.terraform;

import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.hcl.BoolValue;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.NullValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Reference;
import dev.vigil.hcl.SetValue;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.terraform.EvaluatedBlock;
import dev.vigil.hcl.terraform.ResourceInstance;
import dev.vigil.iac.Partitions;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.Field;
import dev.vigil.iac.mapping.JsonDocument;
import dev.vigil.iac.mapping.Target;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Terraform resource instance (from a configuration or a plan), read as a {@link Declaration}. Values convert as
 * Terraform converts them for the provider's schema: the strings {@code "true"}, {@code "false"}, {@code "1"} and
 * {@code "0"} to booleans, numeric strings to numbers. An instance whose {@code count}/{@code for_each} cannot be
 * resolved stands for all of them: every value it has is unknown, named by the blocking expression.
 */
final class TerraformDeclaration implements Declaration {

    /**
     * What every declaration of one configuration shares: where it is applied, and its instances by type and by
     * address, for joins.
     */
    record Configuration(Function<ResourceInstance, Origin.Template> origins, String region, String accountId,
                         Map<String, List<ResourceInstance>> byType, Map<String, ResourceInstance> byAddress) {

        static Configuration of(List<ResourceInstance> instances, Function<ResourceInstance, Origin.Template> origins,
                                String region, String accountId) {
            Map<String, ResourceInstance> byAddress = new HashMap<>();
            instances.forEach(i -> byAddress.put(i.address(), i));
            return new Configuration(origins, region, accountId,
                    instances.stream().collect(Collectors.groupingBy(ResourceInstance::type)), byAddress);
        }
    }

    private final ResourceInstance instance;
    /** The instance's body, or the nested block this declaration is an element of. */
    private final EvaluatedBlock body;
    private final Configuration configuration;

    TerraformDeclaration(ResourceInstance instance, Configuration configuration) {
        this(instance, instance.body(), configuration);
    }

    private TerraformDeclaration(ResourceInstance instance, EvaluatedBlock body, Configuration configuration) {
        this.instance = instance;
        this.body = body;
        this.configuration = configuration;
    }

    @Override
    public String type() {
        return instance.type();
    }

    @Override
    public String id() {
        return instance.address();
    }

    @Override
    public Origin.Template origin() {
        return configuration.origins().apply(instance);
    }

    @Override
    public Value<Boolean> bool(Field field, boolean absent) {
        return read(field, Value.known(absent), v -> switch (v) {
            case BoolValue b -> Value.known(b.value());
            case StringValue s when s.value().equals("true") || s.value().equals("1") -> Value.known(true);
            case StringValue s when s.value().equals("false") || s.value().equals("0") -> Value.known(false);
            default -> invalid(field, v, "a bool");
        });
    }

    @Override
    public Value<Long> integer(Field field, long absent) {
        return read(field, Value.known(absent), v -> {
            BigDecimal number = switch (v) {
                case NumberValue n -> n.value();
                case StringValue s -> parse(s.value());
                default -> null;
            };
            if (number == null || number.scale() > 0 || number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return invalid(field, v, "a whole number");
            }
            return Value.known(number.longValueExact());
        });
    }

    @Override
    public Value<String> text(Field field, String absent) {
        return read(field, Value.known(absent == null ? "" : absent), v -> switch (v) {
            case StringValue s -> Value.known(s.value());
            case NumberValue n -> Value.known(n.format());
            case BoolValue b -> Value.known(Boolean.toString(b.value()));
            default -> invalid(field, v, "a string");
        });
    }

    @Override
    public String decided(Field field) {
        return instance.expanded() && at(field) instanceof StringValue s ? s.value() : null;
    }

    @Override
    public Value<List<String>> strings(Field field) {
        return read(field, Value.known(List.of()), v -> {
            List<dev.vigil.hcl.Value> elements = switch (v) {
                case ListValue l -> l.elements();
                case SetValue s -> s.elements();
                default -> null;
            };
            if (elements == null) {
                return invalid(field, v, "a list of strings");
            }
            List<String> out = new java.util.ArrayList<>();
            for (dev.vigil.hcl.Value element : elements) {
                switch (element) {
                    case StringValue s -> out.add(s.value());
                    case Unknown u -> {
                        return Value.unknown(u.expression());
                    }
                    default -> {
                        return invalid(field, v, "a list of strings");
                    }
                }
            }
            return Value.known(out);
        });
    }

    @Override
    public Map<String, String> tags(Field field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (instance.expanded() && at(field) instanceof ObjectValue object) {
            object.attributes().forEach((key, value) -> {
                if (value instanceof StringValue s) {
                    out.put(key, s.value());
                }
            });
        }
        return out;
    }

    @Override
    public Value<List<Declaration>> elements(Field field) {
        if (field.terraform() == null) {
            return Value.known(List.of());
        }
        if (!instance.expanded()) {
            return Value.unknown(instance.expansionBlocker().expression());
        }
        List<String> steps = List.of(field.terraform().split("\\."));
        return switch (block(steps.subList(0, steps.size() - 1))) {
            case null -> Value.known(List.of());
            case Unknown u -> Value.unknown(u.expression());
            case EvaluatedBlock parent -> {
                List<EvaluatedBlock> blocks = parent.blocks(steps.getLast());
                for (EvaluatedBlock block : blocks) {
                    if (block.expansionBlocker() != null) {
                        yield Value.unknown(block.expansionBlocker().expression());
                    }
                }
                yield Value.known(blocks.stream()
                        .<Declaration>map(b -> new TerraformDeclaration(instance, b, configuration)).toList());
            }
            default -> throw new IllegalStateException("unexpected block step result");
        };
    }

    /**
     * Text; a plain reference to one attribute of another resource ({@code aws_s3_bucket.logs.id},
     * {@code aws_s3_bucket.logs[count.index].bucket}) as that resource's address and attribute; anything else
     * unresolved is undecided.
     */
    @Override
    public Target target(Field field) {
        if (!instance.expanded()) {
            return new Target.Undecided(instance.expansionBlocker().expression());
        }
        return switch (at(field)) {
            case null -> null;
            case NullValue n -> null;
            case StringValue s -> new Target.Text(s.value());
            case Unknown u when TerraformMapper.TRAVERSAL.matcher(u.expression()).matches()
                    && u.references().size() == 1 && u.references().getFirst().kind() == Reference.Kind.RESOURCE
                    && u.references().getFirst().attributePath().size() == 1 -> new Target.Attribute(
                    u.references().getFirst().address(), u.references().getFirst().attributePath().getFirst());
            case Unknown u -> new Target.Undecided(u.expression());
            case dev.vigil.hcl.Value other -> new Target.Undecided(other.toString());
        };
    }

    /** The one resource an unknown value refers to (a plan lists it twice: {@code x.y.id} and {@code x.y}). */
    @Override
    public Optional<Declaration> referenced(Field field, Set<String> types) {
        if (!instance.expanded() || !(at(field) instanceof Unknown u) || u.references().isEmpty()) {
            return Optional.empty();
        }
        List<String> addresses = u.references().stream().map(Reference::address).distinct().toList();
        Reference first = u.references().getFirst();
        if (addresses.size() != 1 || first.kind() != Reference.Kind.RESOURCE || !types.contains(first.type())) {
            return Optional.empty();
        }
        return Optional.ofNullable(configuration.byAddress().get(addresses.getFirst()))
                .map(other -> new TerraformDeclaration(other, configuration));
    }

    @Override
    public List<Declaration> declarations(String type) {
        return configuration.byType().getOrDefault(type, List.of()).stream()
                .<Declaration>map(i -> new TerraformDeclaration(i, configuration)).toList();
    }

    /** A string of JSON, as {@code jsonencode} and heredocs give it; the provider takes nothing else. */
    @Override
    public Value<Object> document(Field field) {
        if (!instance.expanded()) {
            return Value.unknown(instance.expansionBlocker().expression());
        }
        return switch (at(field)) {
            case null -> null;
            case NullValue n -> null;
            case Unknown u -> Value.unknown(u.expression());
            case StringValue s -> JsonDocument.parse(field.terraform(), s.value());
            case dev.vigil.hcl.Value other -> Value.failed(field.terraform() + " = " + other
                    + " is not a string of JSON (Terraform rejects it)");
        };
    }

    @Override
    public String arn(String service, String resource) {
        String region = configuration.region();
        String accountId = configuration.accountId();
        return "arn:" + Partitions.of(region) + ":" + service + ":" + (region == null ? "${region}" : region) + ":"
                + (accountId == null ? "${account}" : accountId) + ":" + resource;
    }

    /** The value at an argument path (nested blocks: the first of each), or null when any step is absent. */
    private dev.vigil.hcl.Value at(Field field) {
        if (field.terraform() == null) {
            return null;
        }
        List<String> steps = List.of(field.terraform().split("\\."));
        return switch (block(steps.subList(0, steps.size() - 1))) {
            case null -> null;
            case Unknown u -> u;
            case EvaluatedBlock block -> block.attribute(steps.getLast()).orElse(null);
            default -> throw new IllegalStateException("unexpected block step result");
        };
    }

    /**
     * The nested block a path of block types leads to (the first of each), the unknown that blocks its expansion, or
     * null when a step is absent.
     */
    private Object block(List<String> steps) {
        EvaluatedBlock block = body;
        for (String step : steps) {
            List<EvaluatedBlock> nested = block.blocks(step);
            if (nested.isEmpty()) {
                return null;
            }
            block = nested.getFirst();
            if (block.expansionBlocker() != null) {
                return block.expansionBlocker();
            }
        }
        return block;
    }

    private <T> Value<T> read(Field field, Value<T> absent, Function<dev.vigil.hcl.Value, Value<T>> convert) {
        if (!instance.expanded()) {
            return Value.unknown(instance.expansionBlocker().expression());
        }
        dev.vigil.hcl.Value value = at(field);
        return switch (value) {
            case null -> absent;
            case NullValue n -> absent;
            case Unknown u -> Value.unknown(u.expression());
            default -> convert.apply(value);
        };
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> Value<T> invalid(Field field, dev.vigil.hcl.Value value, String expected) {
        return Value.failed(field.terraform() + " = " + value + " is not " + expected + " (Terraform rejects it)");
    }
}
