package dev.vigil.hcl;

import java.util.List;

/**
 * Decides the value of a traversal whose root name is not a variable of the context, such as
 * {@code aws_kms_key.k.arn}; {@code range} is the whole traversal.
 */
@FunctionalInterface
public interface RootResolver {
    RootResolver UNKNOWN_VARIABLE = (root, steps, range) -> new Unknown(range, "unknown variable '" + root + "'");

    Value resolve(String root, List<TraversalStep> steps, Range range);
}
