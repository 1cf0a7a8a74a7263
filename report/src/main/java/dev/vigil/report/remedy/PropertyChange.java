package dev.vigil.report.remedy;

import dev.vigil.core.remedy.PropertyFix;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.remedy.RemedyCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One remedy described by {@link PropertyFix}: set properties of one existing resource. Every form renders it from
 * the annotation and the remedy's fields, so such remedies need no code here.
 */
record PropertyChange(String account, String region, PropertyFix fix, Map<String, String> fields, String reason) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The change a remedy describes, or null when it is not a property fix. */
    static PropertyChange of(String account, String region, Remedy remedy, String reason) {
        PropertyFix fix = remedy.getClass().getAnnotation(PropertyFix.class);
        return fix == null ? null : new PropertyChange(account, region, fix, RemedyCodec.encode(remedy), reason);
    }

    /** The name of the resource it changes. */
    String name() {
        return fields.get(fix.nameField());
    }

    /** The AWS CLI command, each substituted value quoted for the shell. */
    String cli() {
        return fill(fix.cli(), PropertyChange::shellWord);
    }

    /** The CloudFormation properties, each substituted value quoted for YAML. */
    String cloudFormation() {
        return fill(fix.cloudFormation(), PropertyChange::yamlScalar);
    }

    /** The Terraform arguments, each substituted value an HCL string. */
    String terraform() {
        return fill(fix.terraform(), PropertyChange::hclString);
    }

    /** {@code text} with each {@code {field}} (or {@code {region}}) replaced by its value, quoted. */
    private String fill(String text, UnaryOperator<String> quote) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("region") ? region : fields.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(text + " names {" + m.group(1) + "}, which the remedy lacks");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(quote.apply(value)));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Changes grouped by the resource a form writes them into, in first-seen order: a bucket that fails S3-012 and
     * S3-023 is one CloudFormation resource with both properties.
     */
    static Map<String, List<PropertyChange>> byResource(List<PropertyChange> changes,
                                                        Function<PropertyChange, String> type) {
        Map<String, List<PropertyChange>> groups = new LinkedHashMap<>();
        changes.forEach(c -> groups.computeIfAbsent(c.region() + "|" + type.apply(c) + "|" + c.name(),
                k -> new ArrayList<>()).add(c));
        return groups;
    }

    /**
     * Fragments of one resource merged by top-level name (a line that is not indented, with the indented lines and the
     * closing brace after it; comment lines go with the name that follows). Where two set the same name, the fuller is
     * kept: MFA delete's versioning block includes versioning's.
     */
    static String merge(List<String> fragments) {
        Map<String, String> items = new LinkedHashMap<>();
        for (String fragment : fragments) {
            StringBuilder item = new StringBuilder();
            String name = null;
            for (String line : fragment.lines().toList()) {
                boolean top = !line.startsWith(" ") && !line.equals("}");
                if (top && name != null) {
                    keepFuller(items, name, item.toString());
                    item.setLength(0);
                    name = null;
                }
                item.append(line).append('\n');
                if (top && !line.startsWith("#")) {
                    name = line.split("[:={]", 2)[0].strip();
                }
            }
            if (name != null) {
                keepFuller(items, name, item.toString());
            }
        }
        return String.join("", items.values()).stripTrailing();
    }

    private static void keepFuller(Map<String, String> items, String name, String item) {
        items.merge(name, item, (kept, other) -> other.length() > kept.length() ? other : kept);
    }

    /** The top-level names a fragment sets, as prose: {@code DeletionProtection}, {@code the x block}. */
    static String what(String fragment) {
        List<String> names = Arrays.stream(fragment.split("\n")).filter(l -> !l.isBlank() && !l.startsWith(" "))
                .filter(l -> !l.equals("}") && !l.startsWith("#"))
                .map(l -> l.endsWith("{") ? "the " + l.substring(0, l.length() - 1).strip() + " block"
                        : l.split("[:=]", 2)[0].strip())
                .toList();
        return String.join(" and ", names);
    }

    /** Single-quotes a shell word unless it is plainly safe. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9._-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** A single-quoted YAML scalar (always a string, never read as a boolean or a number). */
    static String yamlScalar(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** An HCL string literal, with its template sequences escaped. */
    static String hclString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("${", "$${").replace("%{", "%%{") + "\"";
    }
}
