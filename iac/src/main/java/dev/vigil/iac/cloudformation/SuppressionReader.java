package dev.vigil.iac.cloudformation;

import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the suppressions of one template's resources, declared either in the resource's metadata,
 * <pre>
 * Metadata:
 *   vigil:
 *     skip:
 *       - id: DynamoDB-003
 *         reason: rebuilt from the event log
 * </pre>
 * or (YAML) in a comment on the logical-ID line or on the comment lines directly above it:
 * {@code # vigil:skip=DynamoDB-003 rebuilt from the event log} (several rules: {@code vigil:skip=A,B reason}).
 * A suppression on a global table applies to every replica.
 */
final class SuppressionReader {

    private static final String MARKER = "vigil:skip=";
    private static final Pattern COMMENT = Pattern.compile("#\\s*vigil:skip=([A-Za-z0-9_.,-]+)[ \\t]*(.*)$");

    private final String[] lines;

    SuppressionReader(Template template) {
        this.lines = template.yaml() && template.text().contains(MARKER) ? template.text().split("\\R", -1) : null;
    }

    /** Rule ID to reason for the resource declared at {@code line}. */
    Map<String, String> read(TemplateEvaluator evaluator, int line, MapNode resource) {
        Map<String, String> rules = new LinkedHashMap<>();
        comments(line, rules);
        metadata(evaluator.evaluate(resource.get("Metadata")), rules);
        return rules;
    }

    private void comments(int line, Map<String, String> rules) {
        if (lines == null || line < 1 || line > lines.length) {
            return;
        }
        comment(lines[line - 1], rules);
        for (int above = line - 2; above >= 0 && lines[above].strip().startsWith("#"); above--) {
            comment(lines[above], rules);
        }
    }

    private static void comment(String line, Map<String, String> rules) {
        Matcher matcher = COMMENT.matcher(line);
        if (matcher.find()) {
            for (String rule : matcher.group(1).split(",")) {
                if (!rule.isEmpty()) {
                    rules.putIfAbsent(rule, matcher.group(2).strip());
                }
            }
        }
    }

    private static void metadata(Node metadata, Map<String, String> rules) {
        if (TemplateMapping.field(TemplateMapping.field(metadata, "vigil"), "skip") instanceof ListNode skip) {
            for (Node entry : skip.items()) {
                if (TemplateMapping.field(entry, "id") instanceof Scalar id && id.text() != null) {
                    rules.putIfAbsent(id.text(), TemplateMapping.text(TemplateMapping.field(entry, "reason"), ""));
                }
            }
        }
    }
}
