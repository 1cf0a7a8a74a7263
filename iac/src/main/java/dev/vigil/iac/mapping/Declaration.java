package dev.vigil.iac.mapping;

import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One template resource (or one element of it, see {@link #elements}) after evaluation, read the same way whether it
 * was written in CloudFormation or Terraform (or came from a Terraform plan), so that a resource kind's template
 * mapping is written once (see {@link KindMapping}). Reads follow one convention:
 * <ul>
 *   <li>absent (or null): the default the caller gives, which is what AWS does when the property is left out;</li>
 *   <li>not decidable before deployment: {@link Value#unknown} naming the expression as written;</li>
 *   <li>a value the language would reject (e.g. {@code "yes"} for a boolean): {@link Value#failed} naming the
 *       property and what it accepts, so the check is an ERROR and never a pass or a failure.</li>
 * </ul>
 */
public interface Declaration {

    /** The CloudFormation or Terraform type, e.g. {@code AWS::RDS::DBCluster}, {@code aws_rds_cluster}. */
    String type();

    /** The logical ID or the Terraform address. */
    String id();

    Origin.Template origin();

    Value<Boolean> bool(Field field, boolean absent);

    Value<Long> integer(Field field, long absent);

    /** Text, or {@code absent} (which may be null: then an absent field is {@code Value.known("")}). */
    Value<String> text(Field field, String absent);

    /** Decided text, or null when absent or undecided; for names and engines, which are never guessed. */
    String decided(Field field);

    /**
     * A list of text, e.g. the accounts a snapshot is shared with: empty when absent; unknown, naming the expression,
     * when the list or one of its elements cannot be known before deployment.
     */
    Value<java.util.List<String>> strings(Field field);

    /**
     * The name AWS gives the resource: the decided identifier in lower case (as RDS, Redshift and ElastiCache store
     * identifiers), else the logical ID or address.
     */
    default String lowerCaseName(Field identifier) {
        String decided = decided(identifier);
        return decided == null || decided.isBlank() ? id() : decided.toLowerCase(java.util.Locale.ROOT);
    }

    /** Tags whose key and value are both decided. */
    Map<String, String> tags(Field field);

    /**
     * Each element of a list property or each nested block of a type, as a declaration whose fields are read relative
     * to it (CloudFormation's {@code LifecycleConfiguration.Rules}, Terraform's {@code rule} blocks): absent, an empty
     * list; a list whose elements cannot be known before deployment (a parameter, a dynamic block over an unknown
     * collection), unknown.
     */
    Value<List<Declaration>> elements(Field field);

    /** What a field naming another resource refers to, for joins; null when absent. */
    Target target(Field field);

    /**
     * The declarations of another type in the same configuration, for the joins that per-kind code decides (Terraform
     * configures an {@code aws_s3_bucket}'s versioning from an {@code aws_s3_bucket_versioning} of its own); none in
     * CloudFormation, where a resource declares everything it has.
     */
    List<Declaration> declarations(String type);

    /**
     * The declaration of another resource of the same template that {@code field} refers to, when it is of one of
     * {@code types}: a Terraform reference to one of its attributes ({@code aws_kms_key.backup.arn}) or a CloudFormation
     * {@code Ref} or {@code Fn::GetAtt} ({@code !GetAtt BackupKey.Arn}). Empty when the field is absent, is not such a
     * reference, or refers to a resource the template does not declare. For the joins a mapping needs, such as the KMS
     * key a vault or a table names, or a snapshot whose encryption follows its volume's.
     */
    Optional<Declaration> referenced(Field field, Set<String> types);

    /**
     * The JSON document a field holds (an access policy), as plain values: a {@code Map} for an object, a {@code List}
     * for an array, a {@code String}, {@code Number} or {@code Boolean} for a scalar, and {@link Value.Unknown} where a
     * part cannot be known before deployment. CloudFormation writes such properties as YAML or JSON, or as a string of
     * JSON; Terraform as a string of JSON ({@code jsonencode}, a heredoc). Null when the field is absent; failed when
     * its text is not JSON.
     */
    Value<Object> document(Field field);

    /**
     * The ARN this resource will have, with placeholders where the template does not say (region, account):
     * {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}. Other resources of the same template that refer to
     * it resolve to the same text.
     */
    String arn(String service, String resource);
}
