package dev.vigil.hcl;

import static dev.vigil.hcl.Functions.arity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** String functions. Regular expressions run over a step-bounded character sequence, so they cannot hang. */
final class StringFunctions {
    private static final int MAX_REGEX_STEPS = 2_000_000;

    private StringFunctions() {
    }

    static void register(Map<String, HclFunction> m) {
        m.put("format", args -> {
            arity(args, 1, Integer.MAX_VALUE);
            return new StringValue(Format.format(Convert.string(args.getFirst()), args.subList(1, args.size())));
        });
        m.put("formatlist", StringFunctions::formatlist);
        m.put("join", StringFunctions::join);
        m.put("regex", args -> {
            arity(args, 2, 2);
            Matcher found = matcher(Convert.string(args.getFirst()), Convert.string(args.get(1)));
            if (!found.find()) {
                throw new EvalError("pattern did not match");
            }
            return match(found);
        });
        m.put("regexall", args -> {
            arity(args, 2, 2);
            Matcher found = matcher(Convert.string(args.getFirst()), Convert.string(args.get(1)));
            List<Value> all = new ArrayList<>();
            while (found.find()) {
                all.add(match(found));
            }
            return new ListValue(all);
        });
        m.put("strrev", unary(s -> new StringBuilder(s).reverse().toString()));
        m.put("trim", args -> {
            arity(args, 2, 2);
            String s = Convert.string(args.getFirst());
            String cut = Convert.string(args.get(1));
            int from = 0;
            int to = s.length();
            while (from < to && cut.indexOf(s.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && cut.indexOf(s.charAt(to - 1)) >= 0) {
                to--;
            }
            return new StringValue(s.substring(from, to));
        });
        m.put("split", args -> {
            arity(args, 2, 2);
            String sep = Convert.string(args.getFirst());
            String s = Convert.string(args.get(1));
            List<Value> parts = new ArrayList<>();
            if (sep.isEmpty()) {
                s.codePoints().forEach(cp -> parts.add(new StringValue(Character.toString(cp))));
            } else {
                for (String part : s.split(Pattern.quote(sep), -1)) {
                    parts.add(new StringValue(part));
                }
            }
            return new ListValue(parts);
        });
        m.put("lower", unary(s -> s.toLowerCase(Locale.ROOT)));
        m.put("upper", unary(s -> s.toUpperCase(Locale.ROOT)));
        m.put("trimspace", unary(String::strip));
        m.put("title", unary(StringFunctions::title));
        m.put("replace", StringFunctions::replace);
        m.put("substr", StringFunctions::substr);
        m.put("startswith", args -> {
            arity(args, 2, 2);
            return BoolValue.of(Convert.string(args.getFirst()).startsWith(Convert.string(args.get(1))));
        });
        m.put("endswith", args -> {
            arity(args, 2, 2);
            return BoolValue.of(Convert.string(args.getFirst()).endsWith(Convert.string(args.get(1))));
        });
        m.put("trimprefix", args -> {
            arity(args, 2, 2);
            String s = Convert.string(args.getFirst());
            String prefix = Convert.string(args.get(1));
            return new StringValue(s.startsWith(prefix) ? s.substring(prefix.length()) : s);
        });
        m.put("trimsuffix", args -> {
            arity(args, 2, 2);
            String s = Convert.string(args.getFirst());
            String suffix = Convert.string(args.get(1));
            return new StringValue(s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s);
        });
    }

    private static HclFunction unary(UnaryOperator<String> op) {
        return args -> {
            arity(args, 1, 1);
            return new StringValue(op.apply(Convert.string(args.getFirst())));
        };
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetterOrDigit(c);
        }
        return out.toString();
    }

    private static Value join(List<Value> args) {
        arity(args, 2, Integer.MAX_VALUE);
        String sep = Convert.string(args.getFirst());
        List<String> parts = new ArrayList<>();
        long length = 0;
        for (Value list : args.subList(1, args.size())) {
            for (Value v : Convert.elements(list)) {
                String part = Convert.string(v);
                length += part.length() + sep.length();
                checkLength(length);
                parts.add(part);
            }
        }
        return new StringValue(String.join(sep, parts));
    }

    /** Terraform's RE2 patterns name groups as {@code (?P<name>...)}; Java spells it {@code (?<name>...)}. */
    private static Matcher matcher(String pattern, String s) {
        try {
            return Pattern.compile(pattern.replace("(?P<", "(?<")).matcher(new BoundedChars(s));
        } catch (PatternSyntaxException e) {
            throw new EvalError("invalid regular expression: " + e.getDescription());
        }
    }

    /** No groups: the matched text; named groups: an object; otherwise the list of groups. */
    private static Value match(Matcher m) {
        Map<String, Integer> named = m.pattern().namedGroups();
        if (!named.isEmpty()) {
            Map<String, Value> groups = new TreeMap<>();
            named.forEach((name, i) -> groups.put(name, group(m, i)));
            return new ObjectValue(groups);
        }
        if (m.groupCount() == 0) {
            return new StringValue(m.group());
        }
        List<Value> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(group(m, i));
        }
        return new ListValue(groups);
    }

    private static Value group(Matcher m, int i) {
        String g = m.group(i);
        return g == null ? NullValue.INSTANCE : new StringValue(g);
    }

    private static Value formatlist(List<Value> args) {
        arity(args, 1, Integer.MAX_VALUE);
        String spec = Convert.string(args.getFirst());
        List<Value> rest = args.subList(1, args.size());
        int rows = -1;
        for (Value v : rest) {
            if (v instanceof ListValue || v instanceof SetValue) {
                int n = Convert.elements(v).size();
                if (rows >= 0 && rows != n) {
                    throw new EvalError("all list arguments must have the same length");
                }
                rows = n;
            }
        }
        int count = rows < 0 ? 1 : rows;
        List<Value> out = new ArrayList<>(count);
        for (int row = 0; row < count; row++) {
            List<Value> line = new ArrayList<>();
            for (Value v : rest) {
                line.add(v instanceof ListValue || v instanceof SetValue ? Convert.elements(v).get(row) : v);
            }
            out.add(new StringValue(Format.format(spec, line)));
        }
        return new ListValue(out);
    }

    private static Value replace(List<Value> args) {
        arity(args, 3, 3);
        String s = Convert.string(args.getFirst());
        String search = Convert.string(args.get(1));
        String replacement = Convert.string(args.get(2));
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
            try {
                Matcher m = Pattern.compile(search.substring(1, search.length() - 1)).matcher(new BoundedChars(s));
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, replacement);
                    checkLength(out.length());
                }
                m.appendTail(out);
                return new StringValue(out.toString());
            } catch (PatternSyntaxException e) {
                throw new EvalError("invalid regular expression: " + e.getDescription());
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new EvalError("invalid replacement: " + e.getMessage());
            }
        }
        if (search.isEmpty()) {
            return new StringValue(s);
        }
        long occurrences = 0;
        for (int i = s.indexOf(search); i >= 0; i = s.indexOf(search, i + search.length())) {
            occurrences++;
        }
        checkLength(s.length() + occurrences * (replacement.length() - search.length()));
        return new StringValue(s.replace(search, replacement));
    }

    /** Refuses results that would exceed the string limit, before building them where possible. */
    static void checkLength(long length) {
        if (length > Evaluator.MAX_STRING) {
            throw new EvalError("result longer than " + Evaluator.MAX_STRING + " characters");
        }
    }

    private static Value substr(List<Value> args) {
        arity(args, 3, 3);
        String s = Convert.string(args.getFirst());
        int offset = Convert.integer(args.get(1));
        int length = Convert.integer(args.get(2));
        int[] cps = s.codePoints().toArray();
        if (offset < 0) {
            offset = Math.max(0, cps.length + offset);
        }
        if (offset > cps.length) {
            throw new EvalError("offset " + offset + " is beyond the end of the string");
        }
        int end = length < 0 ? cps.length : Math.min(cps.length, offset + length);
        return new StringValue(new String(cps, offset, end - offset));
    }

    /** A character sequence that fails after too many reads, bounding regex backtracking. */
    private static final class BoundedChars implements CharSequence {
        private final String s;
        private final int[] reads;

        BoundedChars(String s) {
            this(s, new int[1]);
        }

        private BoundedChars(String s, int[] reads) {
            this.s = s;
            this.reads = reads;
        }

        public int length() {
            return s.length();
        }

        public char charAt(int index) {
            if (++reads[0] > MAX_REGEX_STEPS) {
                throw new EvalError("regular expression too expensive to evaluate");
            }
            return s.charAt(index);
        }

        public CharSequence subSequence(int start, int end) {
            return new BoundedChars(s.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
