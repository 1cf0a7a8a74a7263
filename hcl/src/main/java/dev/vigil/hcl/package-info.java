/**
 * HCL native syntax: {@link dev.vigil.hcl.HclParser} turns text into {@link dev.vigil.hcl.HclFile}
 * ({@link dev.vigil.hcl.Body}, {@link dev.vigil.hcl.Attribute}, {@link dev.vigil.hcl.Block},
 * {@link dev.vigil.hcl.Expr}) with a position and the exact source text on every expression, and
 * {@link dev.vigil.hcl.EvalContext#evaluate} turns an expression into a {@link dev.vigil.hcl.Value}.
 *
 * <p>Evaluation is pure and bounded: no file, network, clock or randomness; a shared
 * {@link dev.vigil.hcl.Budget} of steps; errors and anything that cannot be known statically
 * become an {@link dev.vigil.hcl.Unknown} that names the blocking expression and, for references
 * to resources, data sources or modules, records a {@link dev.vigil.hcl.Reference}.
 */
package dev.vigil.hcl;
