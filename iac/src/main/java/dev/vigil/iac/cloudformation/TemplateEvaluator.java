package dev.vigil.iac.cloudformation;

import dev.vigil.iac.Partitions;
import dev.vigil.iac.cloudformation.Node.Field;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions of one template as far as they can be decided before deployment:
 * parameters (given values over {@code Default}), pseudo parameters, {@code Conditions}, {@code Mappings},
 * {@code Fn::Sub/Join/Select/Split/FindInMap/If/Equals/Not/And/Or/Base64} and references to the resources
 * the loader models. Anything else becomes {@link Unresolved}, naming the expression that blocked it.
 * Region, account, stack name and stack ID, unless given, are symbolic placeholders ({@code ${AWS::Region}}):
 * they can be embedded in text, so that ARNs built the same way compare equal, but decide nothing.
 * Not thread-safe: one evaluator per template.
 */
final class TemplateEvaluator {

    static final String DB_INSTANCE = "AWS::RDS::DBInstance";
    /** The DB cluster types of the RDS API: their ARNs are {@code arn:PARTITION:rds:REGION:ACCOUNT:cluster:ID}. */
    private static final Set<String> DB_CLUSTERS = Set.of("AWS::RDS::DBCluster", "AWS::DocDB::DBCluster",
            "AWS::Neptune::DBCluster");
    private static final int MAX_CHAIN = 64;
    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

    private final Template template;
    private final CloudFormationOptions options;
    private final MapNode parameters;
    private final MapNode mappings;
    private final MapNode conditions;
    private final MapNode resources;
    private final Map<String, Node> decided = new HashMap<>();
    private final Set<String> deciding = new HashSet<>();
    private final Set<String> naming = new HashSet<>();
    private final Map<String, String> identifiers = new HashMap<>();

    TemplateEvaluator(Template template, CloudFormationOptions options) {
        this.template = template;
        this.options = options;
        this.parameters = template.section("Parameters");
        this.mappings = template.section("Mappings");
        this.conditions = template.section("Conditions");
        this.resources = template.section("Resources");
    }

    /** The evaluated node, free of intrinsic functions; null for {@code AWS::NoValue} (or null input). */
    Node evaluate(Node node) {
        return switch (node) {
            case null -> null;
            case Scalar scalar -> scalar;
            case Unresolved unresolved -> unresolved;
            case ListNode list -> {
                List<Node> items = new ArrayList<>(list.items().size());
                for (Node item : list.items()) {
                    Node value = evaluate(item);
                    if (value != null) {
                        items.add(value);
                    }
                }
                yield new ListNode(items, list.span());
            }
            case MapNode map -> intrinsic(map) ? function(map) : mapping(map);
        };
    }

    /** Whether a resource is created: false only when its {@code Condition} is decided false. */
    boolean present(MapNode resource) {
        return !(resource.get("Condition") instanceof Scalar name && name.text() != null
                && Boolean.FALSE.equals(bool(condition(name.text(), name))));
    }

    /** The resource type of a logical ID, or null. */
    String type(String logicalId) {
        return resources.get(logicalId) instanceof MapNode resource && resource.get("Type") instanceof Scalar type
                ? type.text() : null;
    }

    /** The logical IDs of the resources of {@code type}, in template order. */
    List<String> logicalIds(String type) {
        return resources.fields().keySet().stream().filter(id -> type.equals(type(id))).toList();
    }

    /**
     * {@code arn} with its region and account fields widened to {@code *} where the deployment's region or
     * account is not given; {@code arn} itself when it is not an ARN or both are given.
     */
    String widenDeployment(String arn) {
        String[] fields = arn.split(":", 6);
        if (fields.length < 6 || !fields[0].equals("arn")) {
            return arn;
        }
        if (options.region() == null) {
            fields[3] = "*";
        }
        if (options.accountId() == null) {
            fields[4] = "*";
        }
        return String.join(":", fields);
    }

    /**
     * The DB instance identifier of an {@code AWS::RDS::DBInstance}: its {@code DBInstanceIdentifier} in
     * lower case as RDS stores it, or the logical ID when none is set or it cannot be resolved.
     */
    String rdsIdentifier(String logicalId) {
        String known = identifiers.get(logicalId);
        if (known != null) {
            return known;
        }
        if (naming.size() > MAX_CHAIN || !naming.add(logicalId)) {
            return logicalId;
        }
        String identifier = logicalId;
        try {
            if (evaluate(properties(logicalId).get("DBInstanceIdentifier")) instanceof Scalar scalar
                    && scalar.text() != null && !scalar.text().isBlank()) {
                identifier = scalar.symbolic() ? scalar.text() : scalar.text().toLowerCase(Locale.ROOT);
            }
        } finally {
            naming.remove(logicalId);
        }
        identifiers.put(logicalId, identifier);
        return identifier;
    }

    /** The synthetic ARN of a DB instance: {@code arn:PARTITION:rds:REGION:ACCOUNT:db:IDENTIFIER}. */
    String rdsArn(String logicalId) {
        return arn("rds", "db:" + rdsIdentifier(logicalId));
    }

    /**
     * The identifier of a DB cluster: its {@code DBClusterIdentifier} in lower case when decided, else the logical ID,
     * as the cluster's mapping names it ({@code Declaration.lowerCaseName}), so references resolve to its ARN.
     */
    String clusterIdentifier(String logicalId) {
        if (naming.size() > MAX_CHAIN || !naming.add(logicalId)) {
            return logicalId;
        }
        try {
            return evaluate(properties(logicalId).get("DBClusterIdentifier")) instanceof Scalar scalar
                    && scalar.text() != null && !scalar.symbolic() && !scalar.text().isBlank()
                    ? scalar.text().toLowerCase(Locale.ROOT) : logicalId;
        } finally {
            naming.remove(logicalId);
        }
    }

    /** Whether a logical ID names a DB cluster of the RDS API (false for names that are not resources). */
    boolean isDbCluster(String logicalId) {
        String type = type(logicalId);
        return type != null && DB_CLUSTERS.contains(type);
    }

    /** The synthetic ARN of a DB cluster: {@code arn:PARTITION:rds:REGION:ACCOUNT:cluster:IDENTIFIER}. */
    String clusterArn(String logicalId) {
        return arn("rds", "cluster:" + clusterIdentifier(logicalId));
    }

    /** Every synthetic DB instance and DB cluster ARN of this template. */
    List<String> rdsArns() {
        List<String> arns = new java.util.ArrayList<>();
        logicalIds(DB_INSTANCE).forEach(id -> arns.add(rdsArn(id)));
        resources.fields().keySet().stream().filter(this::isDbCluster)
                .forEach(id -> arns.add(clusterArn(id)));
        return arns;
    }

    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, with placeholders for what is not given. */
    String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region() + ":" + account() + ":" + resource;
    }

    /** The unevaluated {@code Properties} of a resource; empty when absent. */
    MapNode properties(String logicalId) {
        return resources.get(logicalId) instanceof MapNode resource && resource.get("Properties") instanceof MapNode p
                ? p : new MapNode(Map.of(), resources.span());
    }

    /** {@code node} as written, as an unresolved value. */
    Unresolved unresolved(Node node) {
        return new Unresolved(template.asWritten(node), node.span());
    }

    /** A decided boolean, from a boolean or a string {@code "true"}/{@code "False"}; null otherwise. */
    static Boolean bool(Node node) {
        return node instanceof Scalar scalar ? scalar.bool() : null;
    }

    /** Whether {@code map} is an intrinsic function call such as {@code {"Fn::If": ...}}. */
    boolean intrinsic(MapNode map) {
        if (map.fields().size() != 1) {
            return false;
        }
        Field field = map.fields().values().iterator().next();
        return field.key().equals("Ref") || field.key().startsWith("Fn::")
                || field.key().equals("Condition") && field.value() instanceof Scalar name && name.text() != null
                        && conditions.get(name.text()) != null;
    }

    private Node mapping(MapNode map) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field field : map.fields().values()) {
            Node value = evaluate(field.value());
            if (value != null) {
                fields.put(field.key(), new Field(field.key(), field.line(), value));
            }
        }
        return new MapNode(fields, map.span());
    }

    private Node function(MapNode call) {
        Field field = call.fields().values().iterator().next();
        Node arg = field.value();
        return switch (field.key()) {
            case "Ref" -> arg instanceof Scalar name && name.text() != null ? ref(name.text(), call) : unresolved(call);
            case "Condition" -> condition(((Scalar) arg).text(), call);
            case "Fn::GetAtt" -> getAtt(arg, call);
            case "Fn::Sub" -> sub(arg, call);
            case "Fn::Join" -> join(arg, call);
            case "Fn::Select" -> select(arg, call);
            case "Fn::Split" -> split(arg, call);
            case "Fn::FindInMap" -> findInMap(arg, call);
            case "Fn::If" -> ifThenElse(arg, call);
            case "Fn::Equals" -> equalsFunction(arg, call);
            case "Fn::Not" -> not(arg, call);
            case "Fn::And" -> andOr(arg, call, true);
            case "Fn::Or" -> andOr(arg, call, false);
            case "Fn::Base64" -> base64(arg, call);
            default -> unresolved(call); // Fn::ImportValue, Fn::GetAZs, Fn::Cidr, Fn::Transform, ...
        };
    }

    private Node ref(String name, Node at) {
        if (name.startsWith("AWS::")) {
            return pseudo(name, at);
        }
        if (parameters.fields().containsKey(name)) {
            return parameter(name, at);
        }
        if (DB_INSTANCE.equals(type(name))) {
            String identifier = rdsIdentifier(name);
            return new Scalar(identifier, identifier.contains("${"), at.span());
        }
        if (isDbCluster(name)) {
            return new Scalar(clusterIdentifier(name), at.span());
        }
        if ("AWS::DynamoDB::Table".equals(type(name)) && naming.size() <= MAX_CHAIN && naming.add(name)) {
            try {
                if (evaluate(properties(name).get("TableName")) instanceof Scalar table && table.text() != null) {
                    return new Scalar(table.text(), table.symbolic(), at.span());
                }
            } finally {
                naming.remove(name);
            }
        }
        return unresolved(at);
    }

    private Node pseudo(String name, Node at) {
        return switch (name) {
            case "AWS::NoValue" -> null;
            case "AWS::Partition" -> new Scalar(partition(), at.span());
            case "AWS::URLSuffix" -> new Scalar(partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com",
                    at.span());
            case "AWS::Region" -> new Scalar(region(), options.region() == null, at.span());
            case "AWS::AccountId" -> new Scalar(account(), options.accountId() == null, at.span());
            case "AWS::StackName", "AWS::StackId" -> new Scalar("${" + name + "}", true, at.span());
            default -> unresolved(at);
        };
    }

    /** {@code aws}, unless the given region is in China ({@code aws-cn}) or GovCloud ({@code aws-us-gov}). */
    private String partition() {
        return Partitions.of(options.region());
    }

    private String region() {
        return options.region() != null ? options.region() : "${AWS::Region}";
    }

    private String account() {
        return options.accountId() != null ? options.accountId() : "${AWS::AccountId}";
    }

    private Node parameter(String name, Node at) {
        MapNode definition = parameters.get(name) instanceof MapNode map ? map : new MapNode(Map.of(), at.span());
        String type = definition.get("Type") instanceof Scalar t && t.text() != null ? t.text() : "String";
        if (type.startsWith("AWS::SSM::Parameter::Value")) {
            return unresolved(at); // the value lives in SSM, the default is only the SSM parameter's name
        }
        String given = options.parameters().get(name);
        Node value = given != null ? new Scalar(given, at.span()) : definition.get("Default");
        if (value instanceof Scalar scalar && scalar.text() != null) {
            if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
                List<Node> items = new ArrayList<>();
                for (String item : scalar.text().split(",", -1)) {
                    items.add(new Scalar(type.startsWith("List<") ? item.strip() : item, at.span()));
                }
                return new ListNode(items, at.span());
            }
            return new Scalar(scalar.text(), at.span());
        }
        boolean literalList = value instanceof ListNode list
                && list.items().stream().allMatch(item -> item instanceof Scalar v && v.text() != null);
        return literalList ? value : unresolved(at);
    }

    private Node getAtt(Node arg, Node call) {
        Node evaluated = evaluate(arg);
        String resource;
        String attribute;
        if (evaluated instanceof ListNode list && list.items().size() == 2
                && list.items().get(0) instanceof Scalar r && list.items().get(1) instanceof Scalar a
                && r.text() != null && a.text() != null && !a.symbolic()) {
            resource = r.text();
            attribute = a.text();
        } else if (evaluated instanceof Scalar dotted && dotted.text() != null && dotted.text().contains(".")) {
            resource = dotted.text().substring(0, dotted.text().indexOf('.'));
            attribute = dotted.text().substring(dotted.text().indexOf('.') + 1);
        } else {
            return unresolved(call);
        }
        return attribute(resource, attribute, call);
    }

    private Node attribute(String resource, String attribute, Node at) {
        if (DB_INSTANCE.equals(type(resource)) && attribute.equals("DBInstanceArn")) {
            String arn = rdsArn(resource);
            return new Scalar(arn, arn.contains("${"), at.span());
        }
        if (isDbCluster(resource) && attribute.equals("DBClusterArn")) {
            String arn = clusterArn(resource);
            return new Scalar(arn, arn.contains("${"), at.span());
        }
        return unresolved(at);
    }

    private Node sub(Node arg, Node call) {
        String text;
        Map<String, Node> variables = new HashMap<>();
        if (arg instanceof Scalar scalar && scalar.text() != null) {
            text = scalar.text();
        } else if (arg instanceof ListNode list && list.items().size() == 2
                && list.items().get(0) instanceof Scalar scalar && scalar.text() != null
                && list.items().get(1) instanceof MapNode map) {
            text = scalar.text();
            map.fields().values().forEach(f -> variables.put(f.key(), f.value()));
        } else {
            return unresolved(call);
        }
        StringBuilder out = new StringBuilder();
        boolean symbolic = false;
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (close < 0) {
                out.append(text, at, text.length());
                break;
            }
            out.append(text, at, open);
            String name = text.substring(open + 2, close).strip();
            at = close + 1;
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
                continue;
            }
            Node value = variables.containsKey(name) ? evaluate(variables.get(name)) : variable(name, call);
            if (!(value instanceof Scalar scalar) || scalar.text() == null) {
                return unresolved(call);
            }
            out.append(scalar.text());
            symbolic |= scalar.symbolic();
        }
        return new Scalar(out.toString(), symbolic, call.span());
    }

    private Node variable(String name, Node at) {
        int dot = name.indexOf('.');
        return dot < 0 || name.startsWith("AWS::") ? ref(name, at)
                : attribute(name.substring(0, dot), name.substring(dot + 1), at);
    }

    private Node join(Node arg, Node call) {
        if (!(arg instanceof ListNode list) || list.items().size() != 2
                || !(list.items().get(0) instanceof Scalar delimiter) || delimiter.text() == null) {
            return unresolved(call);
        }
        Node values = evaluate(list.items().get(1));
        if (values instanceof Unresolved unresolved) {
            return unresolved;
        }
        if (!(values instanceof ListNode items)) {
            return unresolved(call);
        }
        StringJoiner out = new StringJoiner(delimiter.text());
        boolean symbolic = false;
        for (Node item : items.items()) {
            if (item instanceof Unresolved unresolved) {
                return unresolved;
            }
            if (!(item instanceof Scalar scalar) || scalar.text() == null) {
                return unresolved(call);
            }
            out.add(scalar.text());
            symbolic |= scalar.symbolic();
        }
        return new Scalar(out.toString(), symbolic, call.span());
    }

    private Node select(Node arg, Node call) {
        if (!(arg instanceof ListNode list) || list.items().size() != 2) {
            return unresolved(call);
        }
        Node index = evaluate(list.items().get(0));
        if (index instanceof Unresolved unresolved) {
            return unresolved;
        }
        Node values = evaluate(list.items().get(1));
        if (values instanceof Unresolved unresolved) {
            return unresolved;
        }
        if (index instanceof Scalar scalar && !scalar.symbolic() && scalar.text() != null
                && INDEX.matcher(scalar.text().strip()).matches() && values instanceof ListNode items) {
            int i = Integer.parseInt(scalar.text().strip());
            if (i < items.items().size()) {
                return items.items().get(i);
            }
        }
        return unresolved(call);
    }

    private Node split(Node arg, Node call) {
        if (!(arg instanceof ListNode list) || list.items().size() != 2
                || !(list.items().get(0) instanceof Scalar delimiter) || delimiter.text() == null
                || delimiter.text().isEmpty()) {
            return unresolved(call);
        }
        Node source = evaluate(list.items().get(1));
        if (source instanceof Unresolved unresolved) {
            return unresolved;
        }
        if (!(source instanceof Scalar scalar) || scalar.text() == null) {
            return unresolved(call);
        }
        List<Node> parts = new ArrayList<>();
        for (String part : scalar.text().split(Pattern.quote(delimiter.text()), -1)) {
            parts.add(new Scalar(part, scalar.symbolic() && part.contains("${"), call.span()));
        }
        return new ListNode(parts, call.span());
    }

    private Node findInMap(Node arg, Node call) {
        if (!(arg instanceof ListNode list) || list.items().size() < 3 || list.items().size() > 4) {
            return unresolved(call);
        }
        Node fallback = null;
        if (list.items().size() == 4) {
            if (!(list.items().get(3) instanceof MapNode options) || options.get("DefaultValue") == null) {
                return unresolved(call);
            }
            fallback = options.get("DefaultValue");
        }
        Node current = mappings;
        for (Node key : list.items().subList(0, 3)) {
            Node name = evaluate(key);
            if (name instanceof Unresolved unresolved) {
                return unresolved;
            }
            if (!(name instanceof Scalar scalar) || scalar.text() == null || scalar.symbolic()) {
                return unresolved(call);
            }
            current = current instanceof MapNode map ? map.get(scalar.text()) : null;
        }
        if (current instanceof Scalar || current instanceof ListNode) {
            return current; // mapping values are literals
        }
        return fallback != null ? evaluate(fallback) : unresolved(call);
    }

    private Node ifThenElse(Node arg, Node call) {
        Node chosen = branch(arg, call);
        return chosen instanceof Unresolved ? chosen : evaluate(chosen);
    }

    /**
     * The branch an {@code Fn::If} with argument {@code arg} takes, unevaluated; unresolved when its condition
     * cannot be decided.
     */
    Node branch(Node arg, Node call) {
        if (!(arg instanceof ListNode list) || list.items().size() != 3
                || !(list.items().get(0) instanceof Scalar name) || name.text() == null) {
            return unresolved(call);
        }
        Node decision = condition(name.text(), call);
        Boolean value = bool(decision);
        if (value == null) {
            return decision instanceof Unresolved unresolved ? unresolved : unresolved(call);
        }
        return list.items().get(value ? 1 : 2);
    }

    /** The named condition as a boolean scalar, or unresolved naming what blocked it. */
    private Node condition(String name, Node at) {
        Node known = decided.get(name);
        if (known != null) {
            return known;
        }
        Node definition = conditions.get(name);
        if (definition == null || deciding.size() > MAX_CHAIN || !deciding.add(name)) {
            return unresolved(at);
        }
        Node value;
        try {
            value = evaluate(definition);
        } finally {
            deciding.remove(name);
        }
        Boolean truth = bool(value);
        Node result = truth != null ? new Scalar(truth.toString(), definition.span())
                : value instanceof Unresolved unresolved ? unresolved : unresolved(definition);
        decided.put(name, result);
        return result;
    }

    private Node equalsFunction(Node arg, Node call) {
        if (!(arg instanceof ListNode list) || list.items().size() != 2) {
            return unresolved(call);
        }
        Node left = evaluate(list.items().get(0));
        Node right = evaluate(list.items().get(1));
        for (Node side : new Node[] {left, right}) {
            if (side instanceof Unresolved unresolved) {
                return unresolved;
            }
        }
        Object a = plain(left);
        Object b = plain(right);
        if (a == null || b == null) {
            return unresolved(call);
        }
        return new Scalar(Boolean.toString(a.equals(b)), call.span());
    }

    /** A decided value as plain Java data for comparison; null when any part is unresolved or symbolic. */
    private static Object plain(Node node) {
        return switch (node) {
            case null -> null;
            case Scalar scalar -> scalar.symbolic() ? null : String.valueOf(scalar.text());
            case Unresolved unresolved -> null;
            case ListNode list -> {
                List<Object> items = new ArrayList<>();
                for (Node item : list.items()) {
                    Object value = plain(item);
                    if (value == null) {
                        yield null;
                    }
                    items.add(value);
                }
                yield items;
            }
            case MapNode map -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (Field field : map.fields().values()) {
                    Object value = plain(field.value());
                    if (value == null) {
                        yield null;
                    }
                    fields.put(field.key(), value);
                }
                yield fields;
            }
        };
    }

    private Node not(Node arg, Node call) {
        Node operand = arg instanceof ListNode list && list.items().size() == 1 ? evaluate(list.items().get(0)) : null;
        Boolean value = bool(operand);
        if (value != null) {
            return new Scalar(Boolean.toString(!value), call.span());
        }
        return operand instanceof Unresolved unresolved ? unresolved : unresolved(call);
    }

    /** {@code Fn::And} ({@code and}) or {@code Fn::Or}: decided as soon as one operand decides it. */
    private Node andOr(Node arg, Node call, boolean and) {
        if (!(arg instanceof ListNode list) || list.items().isEmpty()) {
            return unresolved(call);
        }
        Node blocker = null;
        for (Node item : list.items()) {
            Node operand = evaluate(item);
            Boolean value = bool(operand);
            if (value == null) {
                blocker = blocker != null ? blocker
                        : operand instanceof Unresolved unresolved ? unresolved : unresolved(item);
            } else if (value != and) {
                return new Scalar(Boolean.toString(value), call.span());
            }
        }
        return blocker != null ? blocker : new Scalar(Boolean.toString(and), call.span());
    }

    private Node base64(Node arg, Node call) {
        Node value = evaluate(arg);
        if (value instanceof Scalar scalar && scalar.text() != null && !scalar.symbolic()) {
            return new Scalar(Base64.getEncoder().encodeToString(scalar.text().getBytes(StandardCharsets.UTF_8)),
                    call.span());
        }
        return value instanceof Unresolved unresolved ? unresolved : unresolved(call);
    }
}
