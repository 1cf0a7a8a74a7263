package dev.vigil.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resource-based access policy (an IAM policy document) as rules read it: per statement its effect, whom it names,
 * its actions and resources (or their {@code Not} forms) and the keys its conditions test. Sources hand the document
 * over as plain values ({@link #read}), so that one reading serves the live policy and the templates' alike.
 *
 * @param attached false for {@link #NONE}: the resource has no policy
 */
public record AccessPolicy(boolean attached, List<Statement> statements) {

    public static final AccessPolicy NONE = new AccessPolicy(false, List.of());

    public AccessPolicy {
        statements = List.copyOf(statements);
    }

    public enum Effect { ALLOW, DENY }

    /**
     * One statement.
     *
     * @param principals    as written: {@code *}, or {@code TYPE:value} such as {@code AWS:*} or
     *                      {@code AWS:arn:aws:iam::123456789012:role/admin}
     * @param notPrincipal  whether {@code principals} come from {@code NotPrincipal} (everyone but them)
     * @param conditionKeys the keys its {@code Condition} tests, e.g. {@code aws:PrincipalArn}; empty when it has none
     */
    public record Statement(Effect effect, List<String> principals, boolean notPrincipal, List<String> actions,
                            boolean notAction, List<String> resources, boolean notResource,
                            List<String> conditionKeys) {

        public Statement {
            principals = List.copyOf(principals);
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            conditionKeys = List.copyOf(conditionKeys);
        }

        /** Whether it applies to every principal: {@code "*"} or {@code {"AWS": "*"}}. */
        public boolean everyone() {
            return !notPrincipal && (principals.contains("*") || principals.contains("AWS:*"));
        }

        /** Whether it applies to every resource: {@code "*"}. */
        public boolean everyResource() {
            return !notResource && resources.contains("*");
        }

        /** Whether {@code Action} names this action as written (IAM compares action names without case). */
        public boolean names(String action) {
            return !notAction && actions.stream().anyMatch(a -> a.equalsIgnoreCase(action));
        }
    }

    /**
     * Reads a policy document given as plain values: a {@code Map} for a JSON object, a {@code List} for an array, a
     * {@code String}, {@code Number} or {@code Boolean} for a scalar, and a {@link Value.Unknown} where a template
     * value cannot be known before deployment. An unknown where it decides what a statement does (the statement list,
     * {@code Effect}, the principals, actions or resources) makes the policy unknown; a document that is not a policy
     * is a failed value saying what is wrong.
     */
    public static Value<AccessPolicy> read(Object document) {
        try {
            Map<?, ?> root = object(document, "the policy");
            Object statement = root.get("Statement");
            if (statement == null) {
                throw new Unreadable("the policy has no Statement");
            }
            List<Statement> statements = new ArrayList<>();
            for (Object s : statement instanceof List<?> list ? list : List.of(statement)) {
                statements.add(statement(object(s, "a statement")));
            }
            return Value.known(new AccessPolicy(true, statements));
        } catch (Undecided u) {
            return Value.unknown(u.getMessage());
        } catch (Unreadable e) {
            return Value.failed(e.getMessage());
        }
    }

    private static Statement statement(Map<?, ?> s) {
        String effect = text(s.get("Effect"), "Effect");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new Unreadable("a statement's Effect is '" + effect + "'; IAM accepts Allow or Deny");
        }
        boolean notPrincipal = s.containsKey("NotPrincipal");
        Object principal = notPrincipal ? s.get("NotPrincipal") : s.get("Principal");
        boolean notAction = s.containsKey("NotAction");
        boolean notResource = s.containsKey("NotResource");
        List<String> conditionKeys = new ArrayList<>();
        if (s.get("Condition") instanceof Map<?, ?> condition) {
            condition.values().forEach(test -> {
                if (test instanceof Map<?, ?> keys) {
                    keys.keySet().forEach(k -> conditionKeys.add(String.valueOf(k)));
                }
            });
        }
        return new Statement(effect.equals("Deny") ? Effect.DENY : Effect.ALLOW, principals(principal), notPrincipal,
                texts(s.get(notAction ? "NotAction" : "Action"), notAction ? "NotAction" : "Action"), notAction,
                texts(s.get(notResource ? "NotResource" : "Resource"), notResource ? "NotResource" : "Resource"),
                notResource, conditionKeys);
    }

    /** {@code "*"}, or each principal of each type as {@code TYPE:value}. */
    private static List<String> principals(Object principal) {
        if (principal == null) {
            return List.of();
        }
        if (!(undecided(principal) instanceof Map<?, ?> types)) {
            return texts(principal, "Principal");
        }
        List<String> out = new ArrayList<>();
        types.forEach((type, values) -> texts(values, "Principal " + type).forEach(v -> out.add(type + ":" + v)));
        return out;
    }

    private static Map<?, ?> object(Object value, String what) {
        if (undecided(value) instanceof Map<?, ?> map) {
            return map;
        }
        throw new Unreadable(what + " is not a JSON object");
    }

    private static String text(Object value, String what) {
        return switch (undecided(value)) {
            case null -> throw new Unreadable("a statement has no " + what);
            case String s -> s;
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> throw new Unreadable("a statement's " + what + " is not text");
        };
    }

    /** A string or a list of strings; absent is none. */
    private static List<String> texts(Object value, String what) {
        return switch (undecided(value)) {
            case null -> List.of();
            case List<?> list -> list.stream().map(v -> text(v, what)).toList();
            default -> List.of(text(value, what));
        };
    }

    private static Object undecided(Object value) {
        if (value instanceof Value.Unknown<?> u) {
            throw new Undecided(u.expression());
        }
        return value;
    }

    /** A part of the document that cannot be known before deployment; the message is its expression. */
    private static final class Undecided extends RuntimeException {
        Undecided(String expression) {
            super(expression, null, false, false);
        }
    }

    private static final class Unreadable extends RuntimeException {
        Unreadable(String problem) {
            super("the access policy cannot be read: " + problem, null, false, false);
        }
    }
}
