package dev.vigil.hcl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** Terraform's {@code format} verbs: %v %s %q %d %f %e %g %t %x %X %o %b %%, with flags, width and precision. */
final class Format {
    private static final int MAX_WIDTH = 10_000;

    private Format() {
    }

    static String format(String spec, List<Value> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i < spec.length() && spec.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            boolean left = false;
            boolean zero = false;
            boolean plus = false;
            while (i < spec.length() && "-0+ #".indexOf(spec.charAt(i)) >= 0) {
                left |= spec.charAt(i) == '-';
                zero |= spec.charAt(i) == '0';
                plus |= spec.charAt(i) == '+';
                i++;
            }
            int width = 0;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                width = Math.min(MAX_WIDTH + 1, width * 10 + (spec.charAt(i++) - '0'));
            }
            int precision = -1;
            if (i < spec.length() && spec.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                    precision = Math.min(MAX_WIDTH + 1, precision * 10 + (spec.charAt(i++) - '0'));
                }
            }
            if (width > MAX_WIDTH || precision > MAX_WIDTH) {
                throw new EvalError("format width or precision larger than " + MAX_WIDTH);
            }
            if (i >= spec.length()) {
                throw new EvalError("format string ends with an incomplete verb");
            }
            char verb = spec.charAt(i++);
            if (next >= args.size()) {
                throw new EvalError("not enough arguments for the format string");
            }
            String text = verb(verb, args.get(next++), precision, plus);
            out.append(pad(text, width, left, zero && !left && "dfeg".indexOf(verb) >= 0));
            StringFunctions.checkLength(out.length());
        }
        if (next < args.size()) {
            throw new EvalError("too many arguments for the format string");
        }
        return out.toString();
    }

    private static String verb(char verb, Value arg, int precision, boolean plus) {
        return switch (verb) {
            case 'v' -> arg instanceof StringValue s ? s.value()
                    : Convert.whollyKnown(arg) instanceof NullValue ? "null" : plain(arg);
            case 's' -> {
                String s = Convert.string(arg);
                yield precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
            }
            case 'q' -> Json.quote(Convert.string(arg));
            case 't' -> Boolean.toString(Convert.bool(arg));
            case 'd' -> signed(whole(arg).toString(), plus);
            case 'f' -> signed(Convert.number(arg).setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN)
                    .toPlainString(), plus);
            case 'e' -> String.format(precision < 0 ? "%e" : "%." + precision + "e", Convert.number(arg).doubleValue());
            case 'g' -> Convert.number(arg).stripTrailingZeros().toString();
            case 'x' -> whole(arg).toString(16);
            case 'X' -> whole(arg).toString(16).toUpperCase(Locale.ROOT);
            case 'o' -> whole(arg).toString(8);
            case 'b' -> whole(arg).toString(2);
            default -> throw new EvalError("unsupported format verb %" + verb);
        };
    }

    private static String plain(Value v) {
        return switch (v) {
            case NumberValue n -> n.format();
            case BoolValue b -> Boolean.toString(b.value());
            default -> Json.encode(v);
        };
    }

    private static BigInteger whole(Value v) {
        BigDecimal n = Convert.number(v);
        try {
            return n.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new EvalError("%d requires a whole number, got " + n.toPlainString());
        }
    }

    private static String signed(String s, boolean plus) {
        return plus && !s.startsWith("-") ? "+" + s : s;
    }

    private static String pad(String s, int width, boolean left, boolean zero) {
        if (s.length() >= width) {
            return s;
        }
        String padding = (zero ? "0" : " ").repeat(width - s.length());
        if (left) {
            return s + padding;
        }
        if (zero && (s.startsWith("-") || s.startsWith("+"))) {
            return s.charAt(0) + padding + s.substring(1);
        }
        return padding + s;
    }
}
