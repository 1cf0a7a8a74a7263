package dev.vigil.hcl;

/** The evaluation step budget ran out; not catchable by {@code try}. */
final class BudgetExhausted extends RuntimeException {
    BudgetExhausted() {
        super("evaluation step budget exhausted", null, false, false);
    }
}
