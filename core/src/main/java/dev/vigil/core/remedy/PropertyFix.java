package dev.vigil.core.remedy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a remedy that sets properties of one existing resource is written as code, beside the remedy itself:
 * emitters render every such remedy from this description alone, so a new remedy of this shape needs no emitter
 * code. Text may name the remedy's fields as {@code {field}} and the check's {@code {region}}; the emitters quote
 * what they substitute.
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

    /** The CloudFormation type, e.g. {@code AWS::RDS::DBCluster}. */
    String cloudFormationType();

    /** The property that carries the resource's name in CloudFormation, e.g. {@code DBClusterIdentifier}. */
    String cloudFormationName();

    /**
     * The properties to merge into the resource's definition, as YAML lines, e.g. {@code DeletionProtection: true};
     * empty when CloudFormation cannot make the change (S3's MFA delete).
     */
    String cloudFormation();

    /** The Terraform resource type, e.g. {@code aws_rds_cluster}. */
    String terraformType();

    /** The argument that carries the resource's name in Terraform, e.g. {@code cluster_identifier}. */
    String terraformName();

    /** The arguments or blocks to merge into the resource, as HCL lines, e.g. {@code deletion_protection = true}. */
    String terraform();

    /**
     * Whether the Terraform type is a resource of its own that configures the resource from outside (the AWS provider
     * sets a bucket's versioning with {@code aws_s3_bucket_versioning}): the emitted resource is complete, to add
     * unless the configuration has one already.
     */
    boolean terraformStandalone() default false;

    /**
     * Why {@code vigil fix --apply} does not make this change itself (it is not both non-destructive and
     * reversible, e.g. it restarts the resource or cannot be undone); empty when it does.
     */
    String planOnly() default "";
}
