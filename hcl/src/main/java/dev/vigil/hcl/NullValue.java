package dev.vigil.hcl;

public record NullValue() implements Value {
    public static final NullValue INSTANCE = new NullValue();

    public String typeName() {
        return "null";
    }

    @Override
    public String toString() {
        return "null";
    }
}
