package dev.vigil.hcl;

import java.util.List;

/**
 * A pure function callable from expressions. The evaluator only calls it when no argument is
 * itself unknown; an unknown nested inside an argument is the function's to handle.
 */
@FunctionalInterface
public interface HclFunction {
    Value call(List<Value> args);
}
