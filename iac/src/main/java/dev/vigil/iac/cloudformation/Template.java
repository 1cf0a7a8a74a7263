package dev.vigil.iac.cloudformation;

import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed CloudFormation template: its file (as reported in origins), its text (for expressions as
 * written and for comments), its top-level mapping, and whether it is YAML (which has comments).
 */
record Template(String file, String text, MapNode root, boolean yaml) {

    private static final int MAX_EXPRESSION = 160;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final MapNode EMPTY = new MapNode(Map.of(), new Node.Span(1, 0, 0));

    /** Whether {@code root} is a CloudFormation template rather than some other JSON or YAML document. */
    static boolean isTemplate(Node root) {
        if (!(root instanceof MapNode map)) {
            return false;
        }
        if (map.get("format_version") != null && map.get("planned_values") != null) {
            return false; // a Terraform plan (terraform show -json)
        }
        if (map.get("AWSTemplateFormatVersion") != null) {
            return true;
        }
        return map.get("Resources") instanceof MapNode resources && resources.fields().values().stream()
                .anyMatch(f -> f.value() instanceof MapNode r && r.get("Type") instanceof Scalar type
                        && type.text() != null && type.text().startsWith("AWS::"));
    }

    /** A top-level section such as {@code Resources}; empty when absent or not a mapping. */
    MapNode section(String name) {
        return root.get(name) instanceof MapNode map ? map : EMPTY;
    }

    /** The node as written in the template, on one line and shortened, e.g. {@code !Ref EnablePitr}. */
    String asWritten(Node node) {
        int start = Math.min(node.span().start(), text.length());
        int end = Math.min(Math.max(start, node.span().end()), text.length());
        String written = WHITESPACE.matcher(withoutTrailingComments(text.substring(start, end))).replaceAll(" ");
        if (written.isEmpty()) {
            return node instanceof Scalar scalar && scalar.text() != null ? scalar.text() : "(empty)";
        }
        return written.length() <= MAX_EXPRESSION ? written : written.substring(0, MAX_EXPRESSION - 3) + "...";
    }

    /** A YAML block node's text runs up to the next token, over comment lines that follow it: drop those. */
    private static String withoutTrailingComments(String written) {
        String rest = written.strip();
        int lastLine = rest.lastIndexOf('\n');
        while (lastLine >= 0 && rest.substring(lastLine + 1).strip().startsWith("#")) {
            rest = rest.substring(0, lastLine).strip();
            lastLine = rest.lastIndexOf('\n');
        }
        return rest;
    }
}
