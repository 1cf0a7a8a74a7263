package dev.vigil.hcl;

public record BoolValue(boolean value) implements Value {
    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    public static BoolValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public String typeName() {
        return "bool";
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
