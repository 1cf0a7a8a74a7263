package dev.vigil.core.rule;

import dev.vigil.core.model.Resource;
import dev.vigil.core.remedy.Remedy;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written beside its code. The annotation processor in this module registers every
 * annotated class, so a new rule needs no list to be edited.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Conformity-style ID, e.g. {@code DynamoDB-003}. */
    String id();

    String title();

    Risk risk();

    Category[] categories();

    /** Compliance standard IDs, e.g. {@code NIST4}, {@code AWAF}. */
    String[] compliances() default {};

    /**
     * The controls of those standards the rule helps with, as {@code STANDARD:CONTROL}, e.g. {@code NIST5:CP-9},
     * {@code AWAF:REL09-BP01}; each names a standard listed in {@link #compliances()}.
     */
    String[] controls() default {};

    /** AWS service as reports show it, e.g. {@code DynamoDB}. */
    String service();

    /** The kind of resource each check is about. */
    Class<? extends Resource> resource();

    /** The remedy its failing checks carry; {@code Remedy.class} when it has none. */
    Class<? extends Remedy> remedy() default Remedy.class;

    /** Further kinds the rule reads; collectors fetch the union of what selected rules need. */
    Class<? extends Resource>[] reads() default {};

    /**
     * The fields of {@link #resource()} the rule reads, named as the record's components, for kinds whose collector
     * reads some fields with calls of their own (an S3 bucket's versioning, lifecycle and Object Lock): a scan makes
     * only the calls its rules need. Empty: every field.
     */
    String[] fields() default {};

    /** Typed settings with their defaults, overridable per run and per account. */
    RuleSetting[] settings() default {};
}
