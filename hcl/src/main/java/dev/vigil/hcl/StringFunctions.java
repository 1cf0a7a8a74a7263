package dev.vigil.hcl;

import static dev.vigil.hcl.Functions.arity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        m.put("join", StringFunctions::join);
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
