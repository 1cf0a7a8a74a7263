package dev.vigil.hcl;

/** A step allowance shared by every evaluation that uses it, so that a whole scan is bounded. */
public final class Budget {
    private long remaining;

    public Budget(long steps) {
        this.remaining = steps;
    }

    void spend() {
        if (--remaining < 0) {
            throw new BudgetExhausted();
        }
    }
}
