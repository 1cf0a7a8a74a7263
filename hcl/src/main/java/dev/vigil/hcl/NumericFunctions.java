package dev.vigil.hcl;

import static dev.vigil.hcl.Functions.arity;

import java.math.BigDecimal;
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
