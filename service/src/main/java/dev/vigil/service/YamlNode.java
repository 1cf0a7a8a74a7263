package dev.vigil.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A node of the config file with where it is (file, line) and its key path ({@code accounts[0].regions}), so that
 * every complaint is one line naming all three. Scalars have {@code ${env:NAME}} replaced by the environment's value.
 */
final class YamlNode {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final String file;
    private final String path;
    private final Node node;
    private final UnaryOperator<String> env;

    private YamlNode(String file, String path, Node node, UnaryOperator<String> env) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.env = env;
    }

    /** The document's root, or null for an empty document. */
    static YamlNode parse(String file, String text, UnaryOperator<String> env) {
        try {
            return new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text)
                    .map(n -> new YamlNode(file, "", n, env)).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
            throw new ConfigException(file + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    String path() {
        return path;
    }

    /** A complaint about this node: {@code FILE:LINE: PATH: message}. */
    ConfigException fail(String message) {
        return new ConfigException(file + ":" + line() + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** The keys of a mapping, each known to the caller; an unknown key is a complaint naming the known ones. */
    Map<String, YamlNode> mapping(Set<String> known) {
        Map<String, YamlNode> out = mapping();
        for (Map.Entry<String, YamlNode> e : out.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw e.getValue().fail("unknown key (expected one of: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return out;
    }

    /** A mapping with any keys. */
    Map<String, YamlNode> mapping() {
        if (!(node instanceof MappingNode mapping)) {
            throw fail("expected a mapping (key: value)");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlNode(file, path, tuple.getKeyNode(), env).fail("keys must be plain names");
            }
            String name = key.getValue();
            YamlNode value = new YamlNode(file, path.isEmpty() ? name : path + "." + name, tuple.getValueNode(), env);
            if (out.put(name, value) != null) {
                throw value.fail("given twice");
            }
        }
        return out;
    }

    List<YamlNode> sequence() {
        if (!(node instanceof SequenceNode sequence)) {
            throw fail("expected a list");
        }
        List<YamlNode> out = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            out.add(new YamlNode(file, path + "[" + out.size() + "]", item, env));
        }
        return out;
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    List<String> strings() {
        if (node instanceof ScalarNode) {
            return List.of(scalar());
        }
        return sequence().stream().map(YamlNode::scalar).toList();
    }

    String scalar() {
        if (!(node instanceof ScalarNode scalar)) {
            throw fail("expected a single value");
        }
        Matcher m = ENV.matcher(scalar.getValue());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) {
                throw fail("environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    boolean bool() {
        return switch (scalar()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw fail("expected true or false");
        };
    }

    int integer(int min) {
        try {
            int n = Integer.parseInt(scalar());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw fail("expected a whole number of at least " + min);
    }

    /** Plain data for settings that are not Vigil's to interpret: strings, lists and maps. */
    Object plain() {
        return switch (node) {
            case ScalarNode s -> scalar();
            case SequenceNode s -> sequence().stream().map(YamlNode::plain).toList();
            case MappingNode m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                mapping().forEach((k, v) -> out.put(k, v.plain()));
                yield out;
            }
            default -> throw fail("unsupported value");
        };
    }
}
