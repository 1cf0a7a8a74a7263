package dev.vigil.hcl;

import static dev.vigil.hcl.Functions.arity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collection functions: length, lookup, merge, concat, flatten, range, zipmap, sort and friends. */
final class CollectionFunctions {
    static final int MAX_RANGE = 1024;

    private CollectionFunctions() {
    }

    static void register(Map<String, HclFunction> m) {
        m.put("length", CollectionFunctions::length);
        m.put("lookup", CollectionFunctions::lookup);
        m.put("merge", CollectionFunctions::merge);
        m.put("concat", CollectionFunctions::concat);
        m.put("contains", CollectionFunctions::contains);
        m.put("keys", args -> {
            arity(args, 1, 1);
            return new ListValue(Convert.object(args.getFirst()).keySet().stream().map(k -> (Value) new StringValue(k))
                    .toList());
        });
        m.put("values", args -> {
            arity(args, 1, 1);
            return new ListValue(List.copyOf(Convert.object(args.getFirst()).values()));
        });
        m.put("element", CollectionFunctions::element);
        m.put("flatten", args -> {
            arity(args, 1, 1);
            List<Value> out = new ArrayList<>();
            flatten(Convert.elements(args.getFirst()), out);
            return new ListValue(out);
        });
        m.put("distinct", args -> {
            arity(args, 1, 1);
            List<Value> elements = Convert.elements(Convert.whollyKnown(args.getFirst()));
            return new ListValue(List.copyOf(new LinkedHashSet<>(elements)));
        });
        m.put("coalesce", CollectionFunctions::coalesce);
        m.put("coalescelist", args -> {
            arity(args, 1, Integer.MAX_VALUE);
            for (Value arg : args) {
                List<Value> elements = Convert.elements(arg);
                if (!elements.isEmpty()) {
                    return new ListValue(elements);
                }
            }
            return ListValue.EMPTY;
        });
        m.put("compact", args -> {
            arity(args, 1, 1);
            List<Value> out = new ArrayList<>();
            for (Value v : Convert.elements(args.getFirst())) {
                if (!(Convert.known(v) instanceof NullValue) && !Convert.string(v).isEmpty()) {
                    out.add(new StringValue(Convert.string(v)));
                }
            }
            return new ListValue(out);
        });
        m.put("range", CollectionFunctions::range);
        m.put("chunklist", args -> {
            arity(args, 2, 2);
            List<Value> elements = Convert.elements(args.getFirst());
            int size = Convert.integer(args.get(1));
            if (size < 0) {
                throw new EvalError("the chunk size must not be negative");
            }
            if (size == 0) {
                return new ListValue(List.of(new ListValue(elements)));
            }
            List<Value> chunks = new ArrayList<>();
            for (int i = 0; i < elements.size(); i += size) {
                chunks.add(new ListValue(elements.subList(i, Math.min(elements.size(), i + size))));
            }
            return new ListValue(chunks);
        });
        m.put("setunion", args -> {
            arity(args, 1, Integer.MAX_VALUE);
            LinkedHashSet<Value> union = new LinkedHashSet<>();
            args.forEach(a -> union.addAll(Convert.elements(Convert.whollyKnown(a))));
            return new SetValue(List.copyOf(union));
        });
        m.put("setintersection", args -> {
            arity(args, 1, Integer.MAX_VALUE);
            LinkedHashSet<Value> common = new LinkedHashSet<>(Convert.elements(Convert.whollyKnown(args.getFirst())));
            args.subList(1, args.size()).forEach(a -> common.retainAll(Convert.elements(Convert.whollyKnown(a))));
            return new SetValue(List.copyOf(common));
        });
        m.put("setsubtract", args -> {
            arity(args, 2, 2);
            LinkedHashSet<Value> rest = new LinkedHashSet<>(Convert.elements(Convert.whollyKnown(args.getFirst())));
            Convert.elements(Convert.whollyKnown(args.get(1))).forEach(rest::remove);
            return new SetValue(List.copyOf(rest));
        });
        m.put("zipmap", CollectionFunctions::zipmap);
        m.put("one", args -> {
            arity(args, 1, 1);
            List<Value> elements = Convert.elements(args.getFirst());
            if (elements.size() > 1) {
                throw new EvalError("requires a collection with at most one element, got " + elements.size());
            }
            return elements.isEmpty() ? NullValue.INSTANCE : elements.getFirst();
        });
        m.put("sort", args -> {
            arity(args, 1, 1);
            List<String> strings = new ArrayList<>();
            for (Value v : Convert.elements(args.getFirst())) {
                strings.add(Convert.string(v));
            }
            strings.sort(null);
            return new ListValue(strings.stream().map(s -> (Value) new StringValue(s)).toList());
        });
        m.put("reverse", args -> {
            arity(args, 1, 1);
            return new ListValue(new ArrayList<>(Convert.elements(args.getFirst())).reversed());
        });
        m.put("slice", args -> {
            arity(args, 3, 3);
            List<Value> elements = Convert.elements(args.getFirst());
            int from = Convert.integer(args.get(1));
            int to = Convert.integer(args.get(2));
            if (from < 0 || to > elements.size() || from > to) {
                throw new EvalError("slice indexes " + from + ".." + to + " out of range for " + elements.size()
                        + " elements");
            }
            return new ListValue(elements.subList(from, to));
        });
        m.put("index", args -> {
            arity(args, 2, 2);
            List<Value> elements = Convert.elements(Convert.whollyKnown(args.getFirst()));
            int i = elements.indexOf(Convert.whollyKnown(args.get(1)));
            if (i < 0) {
                throw new EvalError("item not found");
            }
            return NumberValue.of(i);
        });
        m.put("alltrue", args -> {
            arity(args, 1, 1);
            return BoolValue.of(Convert.elements(args.getFirst()).stream().allMatch(Convert::bool));
        });
        m.put("anytrue", args -> {
            arity(args, 1, 1);
            return BoolValue.of(Convert.elements(args.getFirst()).stream().anyMatch(Convert::bool));
        });
    }

    private static Value length(List<Value> args) {
        arity(args, 1, 1);
        return switch (args.getFirst()) {
            case StringValue s -> NumberValue.of(s.value().codePointCount(0, s.value().length()));
            case ListValue l -> NumberValue.of(l.elements().size());
            case SetValue s -> NumberValue.of(s.elements().size());
            case ObjectValue o -> NumberValue.of(o.attributes().size());
            default -> throw new EvalError("requires a string or a collection, got "
                    + Convert.describe(args.getFirst()));
        };
    }

    private static Value lookup(List<Value> args) {
        arity(args, 2, 3);
        Map<String, Value> map = Convert.object(args.getFirst());
        String key = Convert.string(args.get(1));
        Value found = map.get(key);
        if (found != null) {
            return found;
        }
        if (args.size() == 3) {
            return args.get(2);
        }
        throw new EvalError("the map has no element for the key " + Json.quote(key) + " and no default was given");
    }

    private static Value merge(List<Value> args) {
        Map<String, Value> out = new TreeMap<>();
        for (Value arg : args) {
            if (!(arg instanceof NullValue)) {
                out.putAll(Convert.object(arg));
            }
        }
        return new ObjectValue(out);
    }

    private static Value concat(List<Value> args) {
        List<Value> out = new ArrayList<>();
        for (Value arg : args) {
            out.addAll(Convert.elements(arg));
        }
        return new ListValue(out);
    }

    private static Value contains(List<Value> args) {
        arity(args, 2, 2);
        Value wanted = Convert.whollyKnown(args.get(1));
        List<Value> elements = Convert.elements(args.getFirst());
        if (elements.contains(wanted)) {
            return BoolValue.TRUE;
        }
        elements.forEach(Convert::whollyKnown);
        return BoolValue.FALSE;
    }

    private static Value element(List<Value> args) {
        arity(args, 2, 2);
        List<Value> elements = Convert.elements(args.getFirst());
        int index = Convert.integer(args.get(1));
        if (elements.isEmpty()) {
            throw new EvalError("cannot take an element of an empty list");
        }
        if (index < 0) {
            throw new EvalError("the index must not be negative");
        }
        return elements.get(index % elements.size());
    }

    private static void flatten(List<Value> elements, List<Value> out) {
        for (Value v : elements) {
            switch (Convert.known(v)) {
                case ListValue l -> flatten(l.elements(), out);
                case SetValue s -> flatten(s.elements(), out);
                default -> out.add(v);
            }
        }
    }

    private static Value coalesce(List<Value> args) {
        arity(args, 1, Integer.MAX_VALUE);
        for (Value arg : args) {
            Value v = Convert.known(arg);
            if (v instanceof NullValue || (v instanceof StringValue s && s.value().isEmpty())) {
                continue;
            }
            return v;
        }
        throw new EvalError("no non-null, non-empty argument");
    }

    private static Value range(List<Value> args) {
        arity(args, 1, 3);
        BigDecimal start = args.size() == 1 ? BigDecimal.ZERO : Convert.number(args.getFirst());
        BigDecimal end = Convert.number(args.size() == 1 ? args.getFirst() : args.get(1));
        BigDecimal step = args.size() == 3 ? Convert.number(args.get(2))
                : start.compareTo(end) > 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        if (step.signum() == 0) {
            throw new EvalError("the step must not be zero");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal n = start; step.signum() > 0 ? n.compareTo(end) < 0 : n.compareTo(end) > 0; n = n.add(step)) {
            if (out.size() == MAX_RANGE) {
                throw new EvalError("would produce more than " + MAX_RANGE + " elements");
            }
            out.add(new NumberValue(n));
        }
        return new ListValue(out);
    }

    private static Value zipmap(List<Value> args) {
        arity(args, 2, 2);
        List<Value> keys = Convert.elements(args.getFirst());
        List<Value> values = Convert.elements(args.get(1));
        if (keys.size() != values.size()) {
            throw new EvalError("needs as many keys (" + keys.size() + ") as values (" + values.size() + ")");
        }
        Map<String, Value> out = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(Convert.string(keys.get(i)), values.get(i));
        }
        return new ObjectValue(out);
    }
}
