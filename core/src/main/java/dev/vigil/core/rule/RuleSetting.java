package dev.vigil.core.rule;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One typed setting of a rule, declared in {@link RuleInfo#settings()} with its default, as Conformity's rule
 * settings are (e.g. RDS-003's {@code minimumRetentionPeriod}, default 7).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface RuleSetting {

    /** The key users set, e.g. {@code minimumRetentionPeriod}. */
    String name();

    /** A short label, e.g. {@code Minimum retention period (days)}. */
    String label();

    Setting.Type type();

    /** The default, written as a user would write it: {@code 7}, {@code daily}, {@code a,b}. */
    String value();

    /** Bounds of an {@code INTEGER} setting. */
    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;
}
