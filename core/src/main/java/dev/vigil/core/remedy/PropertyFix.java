package dev.vigil.core.remedy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a remedy that changes one existing resource is written as code, beside the remedy itself: emitters render
 * every such remedy from this description alone, so a new remedy of this shape needs no emitter code. Text may name
 * the remedy's fields as {@code {field}} and the check's {@code {region}}; the emitters quote what they substitute.
 * Where a template language has no resource that makes the change (CloudFormation has no EBS snapshot type, for
 * one), {@link #noCloudFormation()} or {@link #noTerraform()} says so instead, and the emitter writes that reason.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PropertyFix {

    /** The remedy field that names the resource, e.g. {@code clusterId}. */
    String nameField();

    /** What the resource is called in prose, e.g. {@code DB cluster}. */
    String noun();

    /** The AWS CLI command, e.g. {@code aws rds modify-db-cluster --region {region} --db-cluster-identifier {clusterId} --deletion-protection}. */
    String cli();

    /** The CloudFormation type, e.g. {@code AWS::RDS::DBCluster}; empty with {@link #noCloudFormation()}. */
    String cloudFormationType() default "";

    /**
     * The property that carries the resource's name in CloudFormation, e.g. {@code DBClusterIdentifier}; a dotted path
     * when it is nested ({@code BackupPlan.BackupPlanName}), and {@link #cloudFormation()} then merges beside it.
     */
    String cloudFormationName() default "";

    /** The properties to merge into the resource's definition, as YAML lines, e.g. {@code DeletionProtection: true}. */
    String cloudFormation() default "";

    /** Why no CloudFormation resource can make this change, and what to do instead; empty when one can. */
    String noCloudFormation() default "";

    /** The Terraform resource type, e.g. {@code aws_rds_cluster}; empty with {@link #noTerraform()}. */
    String terraformType() default "";

    /** The argument that carries the resource's name in Terraform, e.g. {@code cluster_identifier}. */
    String terraformName() default "";

    /** The arguments or blocks to merge into the resource, as HCL lines, e.g. {@code deletion_protection = true}. */
    String terraform() default "";

    /**
     * Whether the Terraform form is a new resource of {@link #terraformType()} beside the existing one (a snapshot of
     * a volume, an encrypted copy of a snapshot), whose {@link #terraformName()} argument names the existing one;
     * false when its arguments are merged into the existing resource.
     */
    boolean terraformAdds() default false;

    /** Why no Terraform resource can make this change, and what to do instead; empty when one can. */
    String noTerraform() default "";

    /**
     * Why {@code vigil fix --apply} does not make this change itself (it is not both non-destructive and
     * reversible, e.g. it restarts the resource or cannot be undone); empty when it does.
     */
    String planOnly() default "";
}
