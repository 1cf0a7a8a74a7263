package dev.vigil.iac.terraform;

import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.hcl.BoolValue;
import dev.vigil.hcl.NullValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Reference;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.terraform.EvaluatedBlock;
import dev.vigil.hcl.terraform.ResourceInstance;
import dev.vigil.iac.Partitions;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.Field;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A Terraform resource instance (from a configuration or a plan), read as a {@link Declaration}. Values convert as
 * Terraform converts them for the provider's schema: the strings {@code "true"}, {@code "false"}, {@code "1"} and
 * {@code "0"} to booleans, numeric strings to numbers. An instance whose {@code count}/{@code for_each} cannot be
 * resolved stands for all of them: every value it has is unknown, named by the blocking expression.
 */
final class TerraformDeclaration implements Declaration {

    private final ResourceInstance instance;
    private final Function<ResourceInstance, Origin.Template> origins;
    private final Map<String, ResourceInstance> configuration;
    private final String region;
    private final String accountId;

    /** @param configuration every resource instance of the configuration, by address, for {@link #referenced} */
    TerraformDeclaration(ResourceInstance instance, Function<ResourceInstance, Origin.Template> origins,
                         Map<String, ResourceInstance> configuration, String region, String accountId) {
        this.instance = instance;
        this.origins = origins;
        this.configuration = configuration;
        this.region = region;
        this.accountId = accountId;
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
        return origins.apply(instance);
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

    /** The one resource an unknown value refers to (a plan lists it twice: {@code x.y.id} and {@code x.y}). */
    @Override
    public Optional<Declaration> referenced(Field field, Set<String> types) {
        if (!instance.expanded() || !(at(field) instanceof Unknown u)) {
            return Optional.empty();
        }
        List<String> addresses = u.references().stream().map(Reference::address).distinct().toList();
        Reference first = u.references().isEmpty() ? null : u.references().getFirst();
        if (addresses.size() != 1 || first.kind() != Reference.Kind.RESOURCE || !types.contains(first.type())) {
            return Optional.empty();
        }
        return Optional.ofNullable(configuration.get(addresses.getFirst()))
                .map(other -> new TerraformDeclaration(other, origins, configuration, region, accountId));
    }

    @Override
    public String arn(String service, String resource) {
        return "arn:" + Partitions.of(region) + ":" + service + ":" + (region == null ? "${region}" : region) + ":"
                + (accountId == null ? "${account}" : accountId) + ":" + resource;
    }

    /** The value at an argument path (nested blocks: the first of each), or null when any step is absent. */
    private dev.vigil.hcl.Value at(Field field) {
        List<String> steps = List.of(field.terraform().split("\\."));
        EvaluatedBlock block = instance.body();
        for (String step : steps.subList(0, steps.size() - 1)) {
            List<EvaluatedBlock> nested = block.blocks(step);
            if (nested.isEmpty()) {
                return null;
            }
            block = nested.getFirst();
            if (block.expansionBlocker() != null) {
                return block.expansionBlocker();
            }
        }
        return block.attribute(steps.getLast()).orElse(null);
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
