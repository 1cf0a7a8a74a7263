package dev.vigil.core.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * An attribute value as a source knows it: known, unknown (a template expression that cannot be resolved
 * before deployment), or failed (a live call that could not read it). Rules never guess through the last two.
 */
public sealed interface Value<T> permits Value.Known, Value.Unknown, Value.Failed {

    static <T> Value<T> known(T value) {
        return new Known<>(Objects.requireNonNull(value));
    }

    static <T> Value<T> unknown(String expression) {
        return new Unknown<>(expression);
    }

    static <T> Value<T> failed(String cause) {
        return new Failed<>(cause);
    }

    default <R> Value<R> map(Function<? super T, ? extends R> f) {
        return switch (this) {
            case Known<T> k -> new Known<>(f.apply(k.value()));
            case Unknown<T> u -> new Unknown<>(u.expression());
            case Failed<T> e -> new Failed<>(e.cause());
        };
    }

    /** The value {@code f} gives for a known value; unknown or failed as this one is. */
    default <R> Value<R> flatMap(Function<? super T, Value<R>> f) {
        return switch (this) {
            case Known<T> k -> f.apply(k.value());
            case Unknown<T> u -> new Unknown<>(u.expression());
            case Failed<T> e -> new Failed<>(e.cause());
        };
    }

    record Known<T>(T value) implements Value<T> {}

    /** The expression that blocked resolution, as written in the template. */
    record Unknown<T>(String expression) implements Value<T> {}

    /** Why a live read failed; becomes an ERROR check, never a pass or a failure. */
    record Failed<T>(String cause) implements Value<T> {}
}
