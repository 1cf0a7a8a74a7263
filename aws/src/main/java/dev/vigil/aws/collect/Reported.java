package dev.vigil.aws.collect;

import dev.vigil.core.model.Value;

/** A field AWS always sends in a response: its absence is a fault of that resource's data, never a value. */
final class Reported {

    private Reported() {
    }

    static <T> Value<T> value(T value, String field) {
        return value == null ? Value.failed("AWS did not report " + field) : Value.known(value);
    }
}
