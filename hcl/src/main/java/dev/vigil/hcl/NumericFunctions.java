package dev.vigil.hcl;

import static dev.vigil.hcl.Functions.arity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/** Numeric functions: min, max, abs, ceil, floor, sum. */
final class NumericFunctions {
    private NumericFunctions() {
    }

    static void register(Map<String, HclFunction> m) {
        m.put("min", args -> fold(args, BigDecimal::min));
        m.put("max", args -> fold(args, BigDecimal::max));
        m.put("abs", args -> {
            arity(args, 1, 1);
            return new NumberValue(Convert.number(args.getFirst()).abs());
        });
        m.put("ceil", args -> {
            arity(args, 1, 1);
            return new NumberValue(Convert.number(args.getFirst()).setScale(0, RoundingMode.CEILING));
        });
        m.put("floor", args -> {
            arity(args, 1, 1);
            return new NumberValue(Convert.number(args.getFirst()).setScale(0, RoundingMode.FLOOR));
        });
        m.put("signum", args -> {
            arity(args, 1, 1);
            return NumberValue.of(Convert.number(args.getFirst()).signum());
        });
        m.put("pow", args -> {
            arity(args, 2, 2);
            BigDecimal base = Convert.number(args.getFirst());
            BigDecimal exponent = Convert.number(args.get(1));
            if (exponent.signum() >= 0 && exponent.scale() <= 0 && exponent.compareTo(BigDecimal.valueOf(1000)) <= 0) {
                return new NumberValue(base.pow(exponent.intValueExact(), MathContext.DECIMAL128));
            }
            double result = Math.pow(base.doubleValue(), exponent.doubleValue());
            if (Double.isNaN(result) || Double.isInfinite(result)) {
                throw new EvalError("result is not a finite number");
            }
            return new NumberValue(BigDecimal.valueOf(result));
        });
        m.put("parseint", args -> {
            arity(args, 2, 2);
            int radix = Convert.integer(args.get(1));
            if (radix < 2 || radix > 62) {
                throw new EvalError("base must be between 2 and 62");
            }
            try {
                return new NumberValue(new BigDecimal(new BigInteger(Convert.string(args.getFirst()), radix)));
            } catch (NumberFormatException e) {
                throw new EvalError("cannot parse " + args.getFirst() + " as a base " + radix + " integer");
            }
        });
        m.put("sum", args -> {
            arity(args, 1, 1);
            List<Value> elements = Convert.elements(args.getFirst());
            if (elements.isEmpty()) {
                throw new EvalError("cannot sum an empty collection");
            }
            return fold(elements, BigDecimal::add);
        });
    }

    private static Value fold(List<Value> args, BinaryOperator<BigDecimal> op) {
        arity(args, 1, Integer.MAX_VALUE);
        BigDecimal result = Convert.number(args.getFirst());
        for (Value v : args.subList(1, args.size())) {
            result = op.apply(result, Convert.number(v));
        }
        return new NumberValue(result);
    }
}
