package dev.vigil.core.rule;

import java.util.Locale;

/** Conformity's risk levels, lowest first. */
public enum Risk {
    LOW, MEDIUM, HIGH, VERY_HIGH, EXTREME;

    public boolean atLeast(Risk other) {
        return compareTo(other) >= 0;
    }

    /** Accepts {@code high}, {@code VERY_HIGH}, {@code very-high}. */
    public static Risk parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
