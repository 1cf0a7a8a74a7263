package dev.vigil.hcl;

import java.util.List;

/**
 * A reference to something evaluated elsewhere, such as {@code aws_db_instance.main[0].arn}:
 * kind, type ({@code aws_db_instance}; empty for modules), name, instance key (null when not
 * indexed) and the attribute path after the instance ({@code [arn]}).
 */
public record Reference(Kind kind, String type, String name, Value key, List<String> attributePath) {
    public enum Kind { RESOURCE, DATA, MODULE }

    public Reference {
        attributePath = List.copyOf(attributePath);
    }

    /** The referenced object's address as Terraform prints it, e.g. {@code aws_db_instance.main[0]}. */
    public String address() {
        String base = switch (kind) {
            case RESOURCE -> type + "." + name;
            case DATA -> "data." + type + "." + name;
            case MODULE -> "module." + name;
        };
        return key == null ? base : base + "[" + keyText(key) + "]";
    }

    static String keyText(Value key) {
        return key instanceof StringValue s ? Json.quote(s.value()) : key.toString();
    }
}
