package dev.vigil.hcl;

import java.util.Objects;

public record StringValue(String value) implements Value {
    public StringValue {
        Objects.requireNonNull(value);
    }

    public String typeName() {
        return "string";
    }

    @Override
    public String toString() {
        return Json.quote(value);
    }
}
