package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Attribute;
import dev.vigil.hcl.Block;
import dev.vigil.hcl.Body;
import dev.vigil.hcl.BoolValue;
import dev.vigil.hcl.Comment;
import dev.vigil.hcl.Expr;
import dev.vigil.hcl.HclFile;
import dev.vigil.hcl.HclParseException;
import dev.vigil.hcl.HclParser;
import dev.vigil.hcl.NullValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.Range;
import dev.vigil.hcl.SourcePos;
import dev.vigil.hcl.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Terraform's JSON configuration syntax ({@code *.tf.json}) into the same syntax tree as
 * native files. Strings are templates where Terraform evaluates expressions; nested objects stay
 * attributes (the schema that would say "this is a block" is the provider's), which
 * {@link EvaluatedBlock#blocks(String)} reads as blocks. A {@code "//"} comment key holding
 * {@code vigil:skip=RULE-ID reason} is a skip directive for that block.
 */
final class TerraformJson {
    private enum Kind { RESOURCE, VARIABLE, MODULE, EXPRESSIONS }

    private final String file;
    private final List<Comment> comments = new ArrayList<>();

    private TerraformJson(String file) {
        this.file = file;
    }

    static HclFile parse(String file, String source) {
        return new TerraformJson(file).file(JsonNode.parse(file, source));
    }

    /** A {@code .tfvars.json} file: one object whose members are variable values, taken literally. */
    static HclFile variables(String file, String source) {
        TerraformJson reader = new TerraformJson(file);
        Map<String, Attribute> values = new LinkedHashMap<>();
        for (JsonNode.Member m : object(JsonNode.parse(file, source)).members()) {
            put(values, new Attribute(m.key(), reader.literal(m.value()), m.keyPos()));
        }
        return new HclFile(file, new Body(values, List.of()), List.of());
    }

    /** Adds an attribute; a name given twice is an error, as in native syntax. */
    private static void put(Map<String, Attribute> attributes, Attribute attribute) {
        Attribute previous = attributes.putIfAbsent(attribute.name(), attribute);
        if (previous != null) {
            throw new HclParseException(attribute.pos(), "attribute '" + attribute.name()
                    + "' redefined (first defined at line " + previous.pos().line() + ")");
        }
    }

    private HclFile file(JsonNode root) {
        List<Block> blocks = new ArrayList<>();
        for (JsonNode.Member top : object(root).members()) {
            switch (top.key()) {
                case "resource", "data" -> {
                    for (JsonNode.Member type : object(top.value()).members()) {
                        for (JsonNode.Member name : object(type.value()).members()) {
                            for (JsonNode.JsonObject body : objects(name.value())) {
                                blocks.add(new Block(top.key(), List.of(type.key(), name.key()),
                                        body(body, Kind.RESOURCE, name.keyPos()), name.keyPos()));
                            }
                        }
                    }
                }
                case "module", "variable", "output" -> {
                    Kind kind = top.key().equals("module") ? Kind.MODULE
                            : top.key().equals("variable") ? Kind.VARIABLE : Kind.EXPRESSIONS;
                    for (JsonNode.Member name : object(top.value()).members()) {
                        for (JsonNode.JsonObject body : objects(name.value())) {
                            blocks.add(new Block(top.key(), List.of(name.key()), body(body, kind, name.keyPos()),
                                    name.keyPos()));
                        }
                    }
                }
                case "locals" -> {
                    for (JsonNode.JsonObject body : objects(top.value())) {
                        blocks.add(new Block("locals", List.of(), body(body, Kind.EXPRESSIONS, top.keyPos()),
                                top.keyPos()));
                    }
                }
                default -> {
                    // terraform, provider, moved, import, check: nothing the scanner evaluates
                }
            }
        }
        return new HclFile(file, new Body(Map.of(), blocks), comments);
    }

    private static JsonNode.JsonObject object(JsonNode node) {
        if (node instanceof JsonNode.JsonObject o) {
            return o;
        }
        throw new HclParseException(node.pos(), "expected a JSON object, found " + node.text());
    }

    /** A block body is an object, or an array of objects for repeated blocks. */
    private static List<JsonNode.JsonObject> objects(JsonNode node) {
        if (node instanceof JsonNode.JsonArray a) {
            return a.items().stream().map(TerraformJson::object).toList();
        }
        return List.of(object(node));
    }

    private Body body(JsonNode.JsonObject json, Kind kind, SourcePos blockPos) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        for (JsonNode.Member m : json.members()) {
            if (m.key().equals("//")) {
                if (m.value() instanceof JsonNode.JsonString s) {
                    comments.add(new Comment(s.value().strip(), blockPos.line(), blockPos.column(), false));
                }
                continue;
            }
            if (kind == Kind.RESOURCE) {
                switch (m.key()) {
                    case "dynamic" -> {
                        for (JsonNode.Member d : object(m.value()).members()) {
                            blocks.add(dynamic(d));
                        }
                        continue;
                    }
                    case "lifecycle", "connection" -> {
                        for (JsonNode.JsonObject o : objects(m.value())) {
                            blocks.add(new Block(m.key(), List.of(), body(o, Kind.RESOURCE, m.keyPos()), m.keyPos()));
                        }
                        continue;
                    }
                    case "provisioner", "depends_on" -> {
                        continue;
                    }
                    default -> {
                    }
                }
            }
            Expr value = switch (kind) {
                case VARIABLE -> m.key().equals("type") ? typeExpression(m.value()) : literal(m.value());
                case MODULE -> m.key().equals("source") || m.key().equals("version") ? literal(m.value())
                        : expression(m.value());
                default -> expression(m.value());
            };
            put(attributes, new Attribute(m.key(), value, m.keyPos()));
        }
        return new Body(attributes, blocks);
    }

    private Block dynamic(JsonNode.Member member) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        List<Block> content = new ArrayList<>();
        for (JsonNode.Member m : object(member.value()).members()) {
            switch (m.key()) {
                case "content" -> content.add(new Block("content", List.of(), body(object(m.value()), Kind.RESOURCE,
                        m.keyPos()), m.keyPos()));
                case "iterator" -> {
                    if (m.value() instanceof JsonNode.JsonString s) {
                        attributes.put("iterator", new Attribute("iterator",
                                new Expr.Variable(s.value(), new Range(s.pos(), s.value())), m.keyPos()));
                    }
                }
                case "//" -> {
                }
                default -> attributes.put(m.key(), new Attribute(m.key(), expression(m.value()), m.keyPos()));
            }
        }
        return new Block("dynamic", List.of(member.key()), new Body(attributes, content), member.keyPos());
    }

    /** A value where Terraform evaluates expressions: strings are templates. */
    private Expr expression(JsonNode node) {
        return switch (node) {
            case JsonNode.JsonString s -> {
                SourcePos inside = new SourcePos(file, s.pos().line(), s.pos().column() + 1);
                yield HclParser.parseTemplate(s.value(), inside);
            }
            case JsonNode.JsonArray a -> new Expr.TupleCons(a.items().stream().map(this::expression).toList(),
                    range(a));
            case JsonNode.JsonObject o -> {
                List<Expr.ObjectCons.Item> items = new ArrayList<>();
                for (JsonNode.Member m : o.members()) {
                    if (!m.key().equals("//")) {
                        Expr key = m.key().contains("${")
                                ? HclParser.parseTemplate(m.key(), m.keyPos())
                                : new Expr.Literal(new StringValue(m.key()), new Range(m.keyPos(), m.key()));
                        items.add(new Expr.ObjectCons.Item(key, expression(m.value())));
                    }
                }
                yield new Expr.ObjectCons(items, range(o));
            }
            default -> literal(node);
        };
    }

    /** A value Terraform takes literally, such as a variable default or a module source. */
    private Expr literal(JsonNode node) {
        return switch (node) {
            case JsonNode.JsonString s -> new Expr.Literal(new StringValue(s.value()), range(s));
            case JsonNode.JsonNumber n -> new Expr.Literal(new NumberValue(n.value()), range(n));
            case JsonNode.JsonBool b -> new Expr.Literal(BoolValue.of(b.value()), range(b));
            case JsonNode.JsonNull n -> new Expr.Literal(NullValue.INSTANCE, range(n));
            case JsonNode.JsonArray a -> new Expr.TupleCons(a.items().stream().map(this::literal).toList(), range(a));
            case JsonNode.JsonObject o -> new Expr.ObjectCons(o.members().stream()
                    .map(m -> new Expr.ObjectCons.Item(new Expr.Literal(new StringValue(m.key()), new Range(m.keyPos(),
                            m.key())),
                            literal(m.value())))
                    .toList(), range(o));
        };
    }

    /** A variable's {@code type} is an expression written in a string, such as {@code "list(string)"}. */
    private Expr typeExpression(JsonNode node) {
        if (node instanceof JsonNode.JsonString s) {
            return HclParser.parseExpression(file, s.value());
        }
        return literal(node);
    }

    private static Range range(JsonNode node) {
        return new Range(node.pos(), node.text());
    }
}
