package dev.vigil.hcl;

import java.math.BigDecimal;

/** A number, kept normalised (no trailing zeros) so that equal numbers are equal records. */
public record NumberValue(BigDecimal value) implements Value {
    public NumberValue {
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    public static NumberValue of(long n) {
        return new NumberValue(BigDecimal.valueOf(n));
    }

    public String typeName() {
        return "number";
    }

    /** The number as Terraform prints it: {@code 10}, {@code 1.5}. */
    public String format() {
        return value.toPlainString();
    }

    @Override
    public String toString() {
        return format();
    }
}
