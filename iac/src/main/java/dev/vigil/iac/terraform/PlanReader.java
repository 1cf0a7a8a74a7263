package dev.vigil.iac.terraform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.hcl.BoolValue;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.NullValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Range;
import dev.vigil.hcl.Reference;
import dev.vigil.hcl.SourcePos;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import dev.vigil.hcl.terraform.EvaluatedBlock;
import dev.vigil.hcl.terraform.ResourceInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code terraform show -json} plan into resource instances, so that {@link TerraformMapper} maps a plan
 * exactly as it maps the configuration. Resources come from {@code planned_values} (root and child modules, managed
 * resources only) with the addresses Terraform wrote; values that {@code resource_changes[].change.after_unknown}
 * marks are {@link Unknown}s named {@code known after apply: ADDRESS.ATTRIBUTE}, carrying the references that the
 * {@code configuration} section records for that attribute (so {@code resources = [aws_db_instance.main.arn]}
 * still resolves to that instance). The line of a resource is the line of its {@code "address"} in
 * {@code planned_values}.
 */
final class PlanReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSTANCE_KEY = Pattern.compile("\\[(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\]]*)]");
    private static final Pattern ARN_REFERENCE =
            Pattern.compile("(aws_db_instance|aws_rds_cluster|aws_docdb_cluster|aws_neptune_cluster)"
                    + "\\.([A-Za-z0-9_-]+)(?:\\[(\\d+|\"[^\"]*\")])?\\.arn");

    private static final Pattern REFERENCE =
            Pattern.compile("([a-z][a-z0-9_]*)\\.([A-Za-z0-9_-]+)(?:\\[(\\d+|\"[^\"]*\")])?((?:\\.[A-Za-z0-9_-]+)*)");
    private static final List<String> NOT_RESOURCES =
            List.of("var", "local", "module", "data", "each", "count", "path", "terraform", "self");

    private static final Pattern ADDRESS = Pattern.compile("\"address\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");

    private final String file;
    private final Map<String, Integer> lines;
    private final Map<String, JsonNode> afterUnknown = new HashMap<>();
    private final Map<String, JsonNode> expressions = new HashMap<>();
    private final List<ResourceInstance> instances = new ArrayList<>();

    private PlanReader(String file, String text) {
        this.file = file;
        this.lines = addressLines(text);
    }

    /** A plan file that Terraform did not write as it is: not JSON, or not of the plan's shape. */
    static final class InvalidPlan extends Exception {
        InvalidPlan(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether a parsed JSON document is a plan: {@code format_version} and {@code planned_values}. */
    static boolean isPlan(JsonNode root) {
        return root.isObject() && root.has("format_version") && root.has("planned_values");
    }

    /** Whether a JSON text may be a plan, before it is parsed: it names both keys that make one. */
    static boolean looksLikePlan(String text) {
        return text.contains("\"planned_values\"") && text.contains("\"format_version\"");
    }

    /** The managed resource instances of a plan; empty when the JSON is not a plan. */
    static List<ResourceInstance> read(String file, String text) throws InvalidPlan {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();   // Jackson's limits (nesting, lengths) throw without one
            throw new InvalidPlan(e.getOriginalMessage() + (at == null ? "" : " at line " + at.getLineNr()));
        }
        if (root == null || !isPlan(root)) {
            return List.of();
        }
        PlanReader reader = new PlanReader(file, text);
        for (JsonNode change : root.path("resource_changes")) {
            reader.afterUnknown.put(change.path("address").asText(), change.path("change").path("after_unknown"));
        }
        reader.configuration(root.path("configuration").path("root_module"), "");
        reader.module(root.path("planned_values").path("root_module"), "");
        return reader.instances;
    }

    private void configuration(JsonNode module, String prefix) {
        for (JsonNode resource : module.path("resources")) {
            expressions.put(prefix + resource.path("address").asText(), resource.path("expressions"));
        }
        module.path("module_calls").properties().forEach(call ->
                configuration(call.getValue().path("module"), prefix + "module." + call.getKey() + "."));
    }

    private void module(JsonNode module, String modulePath) throws InvalidPlan {
        for (String list : List.of("resources", "child_modules")) {
            JsonNode items = module.path(list);
            boolean objects = items.isArray();
            for (JsonNode item : items) {
                objects &= item.isObject();
            }
            if (!items.isMissingNode() && !items.isNull() && !objects) {
                throw new InvalidPlan("\"" + list + "\" of module " + (modulePath.isEmpty() ? "root" : modulePath)
                        + " in planned_values is not a list of objects");
            }
        }
        for (JsonNode resource : module.path("resources")) {
            if ("managed".equals(resource.path("mode").asText("managed"))) {
                instances.add(instance(resource, modulePath));
            }
        }
        for (JsonNode child : module.path("child_modules")) {
            module(child, child.path("address").asText());
        }
    }

    private ResourceInstance instance(JsonNode resource, String modulePath) throws InvalidPlan {
        String address = resource.path("address").asText();
        String type = resource.path("type").asText();
        SourcePos pos = new SourcePos(file, line(address), 1);
        if (!resource.path("address").isTextual() || !resource.path("type").isTextual()) {
            throw new InvalidPlan("line " + pos.line() + ": a resource of planned_values has no address or type");
        }
        JsonNode planned = resource.path("values");
        if (!planned.isObject() && !planned.isMissingNode() && !planned.isNull()) {
            throw new InvalidPlan("line " + pos.line() + ": \"values\" of " + address + " is "
                    + planned.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        JsonNode unknown = afterUnknown.getOrDefault(address, JSON.missingNode());
        JsonNode configured = expressions.getOrDefault(INSTANCE_KEY.matcher(address).replaceAll(""),
                JSON.missingNode());
        Map<String, Value> attributes = new LinkedHashMap<>(
                value(planned, unknown, address, pos) instanceof ObjectValue values
                        ? values.attributes() : Map.of());
        attributes.replaceAll((name, value) -> withReferences(value, configured.path(name), modulePath, pos));
        EvaluatedBlock body = new EvaluatedBlock(type, List.of(type, resource.path("name").asText()), pos,
                attributes, Map.of(), Map.of(), null);
        return new ResourceInstance(address, modulePath, type, resource.path("name").asText(),
                resource.has("index") ? scalar(resource.get("index")) : null, file, pos.line(), body, List.of(), null);
    }

    /** A planned value, with what {@code after_unknown} marks replaced by unknowns. */
    private static Value value(JsonNode planned, JsonNode unknown, String path, SourcePos pos) {
        if (unknown.asBoolean(false)) {
            return afterApply(path, pos);
        }
        if (planned.isArray() || unknown.isArray()) {
            List<Value> elements = new ArrayList<>();
            for (int i = 0; i < Math.max(planned.size(), unknown.size()); i++) {
                elements.add(value(planned.path(i), unknown.path(i), path + "[" + i + "]", pos));
            }
            return new ListValue(elements);
        }
        if (planned.isObject() || unknown.isObject() && !unknown.isEmpty()) {
            Map<String, Value> attributes = new LinkedHashMap<>();
            planned.properties().forEach(e -> attributes.put(e.getKey(),
                    value(e.getValue(), unknown.path(e.getKey()), path + "." + e.getKey(), pos)));
            unknown.properties().forEach(e -> attributes.computeIfAbsent(e.getKey(),
                    k -> value(JSON.missingNode(), e.getValue(), path + "." + k, pos)));
            return new ObjectValue(attributes);
        }
        return scalar(planned);
    }

    private static Value scalar(JsonNode node) {
        if (node.isTextual()) {
            return new StringValue(node.asText());
        }
        if (node.isNumber()) {
            return new NumberValue(node.decimalValue());
        }
        if (node.isBoolean()) {
            return BoolValue.of(node.asBoolean());
        }
        return node.isNull() || node.isMissingNode() ? NullValue.INSTANCE : new StringValue(node.toString());
    }

    private static Unknown afterApply(String path, SourcePos pos) {
        return new Unknown(new Range(pos, "known after apply: " + path), "known only after apply");
    }

    /**
     * Gives an unknown attribute the references its configuration expression makes. When every reference is an
     * {@code aws_db_instance.X.arn} (Terraform also lists {@code aws_db_instance.X}), the attribute, or each
     * unknown element of it in the order written, becomes that reference, as the configuration would be read.
     */
    private static Value withReferences(Value value, JsonNode expression, String modulePath, SourcePos pos) {
        List<String> written = new ArrayList<>();
        expression.path("references").forEach(r -> written.add(r.asText()));
        if (written.isEmpty()) {
            return value;
        }
        List<Unknown> arnReferences = written.stream().map(r -> arnReference(r, modulePath, pos))
                .flatMap(Optional::stream).toList();
        boolean onlyArns = !arnReferences.isEmpty() && written.stream().allMatch(r -> written.stream()
                .anyMatch(w -> w.startsWith(r) && ARN_REFERENCE.matcher(w).matches()));
        return switch (value) {
            case Unknown u when onlyArns ->
                    new ListValue(new ArrayList<>(arnReferences));
            case Unknown u -> new Unknown(u.blocker(), u.reason(), written.stream()
                    .map(r -> reference(r, modulePath)).flatMap(Optional::stream).toList());
            case ListValue list when onlyArns && list.elements().stream().filter(e -> e instanceof Unknown).count()
                    == arnReferences.size() -> {
                List<Value> elements = new ArrayList<>();
                int next = 0;
                for (Value element : list.elements()) {
                    elements.add(element instanceof Unknown ? arnReferences.get(next++) : element);
                }
                yield new ListValue(elements);
            }
            default -> value;
        };
    }

    private static Optional<Unknown> arnReference(String written, String modulePath, SourcePos pos) {
        return reference(written, modulePath).filter(r -> ARN_REFERENCE.matcher(written).matches())
                .map(r -> new Unknown(new Range(pos, written), "known only after apply", List.of(r)));
    }

    /** {@code TYPE.NAME[KEY].ATTRIBUTE...} of a managed resource, in the module that wrote it. */
    private static Optional<Reference> reference(String written, String modulePath) {
        Matcher m = REFERENCE.matcher(written);
        if (!m.matches() || NOT_RESOURCES.contains(m.group(1))) {
            return Optional.empty();
        }
        Value key = m.group(3) == null ? null : m.group(3).startsWith("\"")
                ? new StringValue(m.group(3).substring(1, m.group(3).length() - 1))
                : NumberValue.of(Long.parseLong(m.group(3)));
        List<String> path = m.group(4).isEmpty() ? List.of() : List.of(m.group(4).substring(1).split("\\."));
        return Optional.of(new Reference(Reference.Kind.RESOURCE, modulePath, m.group(1), m.group(2), key, path));
    }

    /** The line of the resource's {@code "address"} in {@code planned_values}, else 1. */
    private int line(String address) {
        return lines.getOrDefault(address, 1);
    }

    /** The line of the first {@code "address": "…"} of each address after {@code planned_values}, in one pass. */
    private static Map<String, Integer> addressLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        int from = Math.max(0, text.indexOf("\"planned_values\""));
        Matcher m = ADDRESS.matcher(text);
        int line = 1;
        int counted = 0;
        while (m.find(from)) {
            for (; counted < m.start(); counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            try {
                lines.putIfAbsent(JSON.readValue(m.group(1), String.class), line);
            } catch (JsonProcessingException e) {
                // not a JSON string after all; the resource keeps line 1
            }
            from = m.end();
        }
        return lines;
    }
}
