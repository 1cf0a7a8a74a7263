package dev.vigil.hcl;

import java.util.List;

/**
 * A reference to something evaluated elsewhere, such as {@code aws_db_instance.main[0].arn}:
 * kind, the module instance it was made in ({@code ""} for the root, else e.g.
 * {@code module.orders}), type ({@code aws_db_instance}; empty for modules), name, instance key
 * (null when not indexed) and the attribute path after the instance ({@code [arn]}).
 */
public record Reference(Kind kind, String module, String type, String name, Value key, List<String> attributePath) {
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
        String scoped = module.isEmpty() ? base : module + "." + base;
        return key == null ? scoped : scoped + formatKey(key);
    }

    /**
     * An instance key as Terraform prints it in addresses: {@code [0]} or {@code ["users"]}; an
     * unknown key shows the expression that blocked it.
     */
    public static String formatKey(Value key) {
        if (key instanceof Unknown u) {
            return "[" + u.expression() + "]";
        }
        if (!(key instanceof StringValue s)) {
            return "[" + key + "]";
        }
        StringBuilder out = new StringBuilder("[\"");
        for (int i = 0; i < s.value().length(); i++) {
            char c = s.value().charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append("\"]").toString();
    }
}
