package dev.vigil.iac.terraform;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.TagCondition;
import dev.vigil.core.model.Value;
import dev.vigil.core.model.Wildcard;
import dev.vigil.hcl.BoolValue;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.NullValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Reference;
import dev.vigil.hcl.SetValue;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.terraform.EvaluatedBlock;
import dev.vigil.hcl.terraform.ResourceInstance;
import dev.vigil.hcl.terraform.SkipDirective;
import dev.vigil.iac.Partitions;
import dev.vigil.iac.MappedResources;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.KindMappings;
import dev.vigil.iac.mapping.RdsInstanceMapping;
import dev.vigil.iac.mapping.TableProtection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Maps the resource instances of one Terraform configuration (evaluated from HCL, or read from a plan) into the
 * model: {@code aws_dynamodb_table} (and each {@code replica}), {@code aws_db_instance},
 * {@code aws_rds_cluster_instance} (cluster members), {@code aws_backup_selection} and
 * {@code aws_backup_region_settings}. Resource IDs are Terraform addresses. An instance whose
 * {@code count}/{@code for_each} cannot be resolved is a table with unknown PITR, or a {@code terraform:expand} fault
 * for DB instances and selections (their existence decides coverage).
 */
final class TerraformMapper {

    static final Set<Class<? extends Resource>> KINDS = kinds();
    private static final String DB_INSTANCE = "aws_db_instance";
    private static final String CLUSTER_INSTANCE = "aws_rds_cluster_instance";
    private static final List<String> BACKUP_OPT_IN_TYPES = List.of(BackupRegionSettings.RDS, BackupRegionSettings.AURORA);
    /** The resource types whose {@code arn} is an RDS DB instance or DB cluster ARN. */
    private static final Set<String> RDS_ARNS = Set.of(DB_INSTANCE, CLUSTER_INSTANCE, "aws_rds_cluster",
            "aws_docdb_cluster", "aws_neptune_cluster");
    /** A plain reference as written, such as {@code aws_db_instance.main[0].arn}: no function, no template. */
    static final Pattern TRAVERSAL = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]\"]+");
    private static final List<String> CONDITION_OPERATORS =
            List.of("string_equals", "string_like", "string_not_equals", "string_not_like");

    private static Set<Class<? extends Resource>> kinds() {
        Set<Class<? extends Resource>> kinds = new java.util.HashSet<>(KindMappings.kinds());
        kinds.addAll(List.of(DynamoDbTable.class, RdsInstance.class, BackupSelection.class,
                BackupRegionSettings.class));
        return Set.copyOf(kinds);
    }

    private final Function<ResourceInstance, Origin.Template> origins;
    private final String region;
    private final String accountId;
    /** Synthetic ARN prefix of DB instances; selections that refer to {@code aws_db_instance.x.arn} resolve to it. */
    private final String rdsArnPrefix;
    private final MappedResources mapped = new MappedResources();
    private final Map<String, String> dbNames = new HashMap<>();
    private final Map<String, ResourceInstance> plans = new HashMap<>();
    /** What the declarative kind mappings made of each instance, read before selections so they can name it. */
    private final Map<ResourceInstance, List<? extends Resource>> declared = new LinkedHashMap<>();
    /** Address → ARN of the DB clusters, as their mapping gives it. */
    private final Map<String, String> clusterArns = new HashMap<>();

    /** @param region, accountId where the configuration is applied, or null: {@code ${region}}, {@code ${account}} */
    TerraformMapper(Function<ResourceInstance, Origin.Template> origins, String region, String accountId) {
        this.origins = origins;
        this.region = region;
        this.accountId = accountId;
        this.rdsArnPrefix = rdsArnPrefix(region, accountId);
    }

    /** {@code arn:PARTITION:rds:REGION:ACCOUNT:db:}, with placeholders for what is not given. */
    static String rdsArnPrefix(String region, String accountId) {
        return "arn:" + Partitions.of(region) + ":rds:" + (region == null ? "${region}" : region) + ":"
                + (accountId == null ? "${account}" : accountId) + ":db:";
    }

    /** Maps every instance; DB instances and clusters first, so that selections and replicas can name them. */
    MappedResources map(List<ResourceInstance> instances) {
        TerraformDeclaration.Configuration configuration = TerraformDeclaration.Configuration.of(instances, origins,
                region, accountId);
        for (ResourceInstance instance : instances) {
            switch (instance.type()) {
                case DB_INSTANCE -> dbNames.put(instance.address(), dbName(instance));
                case "aws_backup_plan" -> plans.put(instance.address(), instance);   // selections name their plan
                default -> { }
            }
            KindMappings.terraform(instance.type()).ifPresent(kind -> {
                List<? extends Resource> resources = kind.map().apply(new TerraformDeclaration(instance, configuration));
                declared.put(instance, resources);
                resources.stream().filter(r -> r instanceof RdsCluster).map(r -> (RdsCluster) r)
                        .forEach(c -> clusterArns.put(instance.address(), c.arn()));
            });
        }
        for (ResourceInstance instance : instances) {
            switch (instance.type()) {
                case "aws_dynamodb_table" -> table(instance, new TerraformDeclaration(instance, configuration));
                case DB_INSTANCE, CLUSTER_INSTANCE -> dbInstance(instance, configuration);
                case "aws_backup_selection" -> selection(instance);
                case "aws_backup_region_settings" -> regionSettings(instance);
                default -> declared.getOrDefault(instance, List.of()).forEach(r -> add(instance, r));
            }
        }
        return mapped;
    }

    /** @param d the same instance as a Declaration, for what {@link TableProtection} reads */
    private void table(ResourceInstance instance, TerraformDeclaration d) {
        EvaluatedBlock body = instance.body();
        String name = text(body.attribute("name").orElse(null)).orElse(instance.address());
        if (!instance.expanded()) {
            add(instance, new DynamoDbTable(origins.apply(instance), instance.address(), name,
                    Value.unknown(instance.expansionBlocker().expression()), null)
                    .with(TableProtection.key(d, d, TableProtection.KEY), TableProtection.deletionProtection(d)));
            return;
        }
        List<EvaluatedBlock> pitrBlocks = body.blocks("point_in_time_recovery");
        Optional<EvaluatedBlock> pitr = pitrBlocks.stream().findFirst();
        Value<PitrStatus> status = pitrBlocks.size() > 1
                ? Value.failed("point_in_time_recovery is given " + pitrBlocks.size()
                        + " times; the AWS provider allows it once")
                : pitr.map(b -> b.expansionBlocker() != null
                        ? Value.<PitrStatus>unknown(b.expansionBlocker().expression())
                        : status("point_in_time_recovery.enabled", b.attribute("enabled").orElse(null)))
                .orElse(Value.known(PitrStatus.DISABLED));
        Integer days = pitr.flatMap(b -> b.attribute("recovery_period_in_days"))
                .filter(v -> v instanceof NumberValue).map(v -> ((NumberValue) v).value().intValue()).orElse(null);
        add(instance, new DynamoDbTable(origins.apply(instance), instance.address(), name, status, days)
                .with(TableProtection.key(d, d, TableProtection.KEY), TableProtection.deletionProtection(d)));
        Value<List<Declaration>> replicas = d.elements(TableProtection.REPLICAS);
        int index = 0;
        for (EvaluatedBlock replica : body.blocks("replica")) {
            int at = index++;
            Value<Declaration> own = replicas.map(all -> all.get(at));
            dev.vigil.hcl.Value region = replica.expansionBlocker() != null ? replica.expansionBlocker()
                    : replica.attribute("region_name").orElse(NullValue.INSTANCE);
            Value<PitrStatus> replicaStatus = replica.expansionBlocker() != null
                    ? Value.unknown(replica.expansionBlocker().expression())
                    : status("replica.point_in_time_recovery",
                            replica.attribute("point_in_time_recovery").orElse(null));
            add(instance, new DynamoDbTable(origins.apply(instance),
                    instance.address() + ".replica" + Reference.formatKey(region), name, replicaStatus, null)
                    .with(own.flatMap(r -> TableProtection.key(d, r, TableProtection.REPLICA_KEY)),
                            own.flatMap(TableProtection::deletionProtection)));
        }
    }

    /**
     * A PITR flag: absent or null is DISABLED, as AWS defaults. Strings convert as Terraform converts them to a
     * bool ({@code "true"}, {@code "1"}, {@code "false"}, {@code "0"}); any other value Terraform refuses, so it is
     * a failed read (the rule says ERROR), never a verdict.
     */
    private static Value<PitrStatus> status(String attribute, dev.vigil.hcl.Value enabled) {
        return switch (enabled) {
            case null -> Value.known(PitrStatus.DISABLED);
            case NullValue n -> Value.known(PitrStatus.DISABLED);
            default -> bool(attribute, enabled).map(on -> on ? PitrStatus.ENABLED : PitrStatus.DISABLED);
        };
    }

    /**
     * A bool as Terraform converts it: {@code true}, {@code false}, and the strings {@code "true"}, {@code "1"},
     * {@code "false"}, {@code "0"}; any other value Terraform refuses, so it is a failed read (the rule says ERROR),
     * never a verdict.
     */
    private static Value<Boolean> bool(String attribute, dev.vigil.hcl.Value value) {
        return switch (value) {
            case BoolValue b -> Value.known(b.value());
            case StringValue s when s.value().equals("true") || s.value().equals("1") -> Value.known(true);
            case StringValue s when s.value().equals("false") || s.value().equals("0") -> Value.known(false);
            case Unknown u -> Value.unknown(u.expression());
            default -> Value.failed(attribute + " = " + shortened(value)
                    + " is not a bool; Terraform converts only true, false, \"true\", \"false\", \"1\" and \"0\"");
        };
    }

    /** A value as written in messages, at most one short line. */
    private static String shortened(dev.vigil.hcl.Value value) {
        String text = value.toString().replaceAll("\\s+", " ");
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /**
     * {@code resource_type_opt_in_preference["RDS"]} and {@code ["Aurora"]}; a configuration that does not set a
     * type leaves the account's setting as it is, which is then not stated here (absent; no resource when neither is
     * set). Which region it applies to depends on its provider, which Vigil does not follow: several in one
     * configuration decide only when they agree.
     */
    private void regionSettings(ResourceInstance instance) {
        Map<String, Value<Boolean>> optIns = new LinkedHashMap<>();
        if (!instance.expanded()) {
            Value<Boolean> unknown = Value.unknown(instance.expansionBlocker().expression());
            BACKUP_OPT_IN_TYPES.forEach(type -> optIns.put(type, unknown));
        } else {
            switch (instance.attribute("resource_type_opt_in_preference").orElse(NullValue.INSTANCE)) {
                case ObjectValue preferences -> BACKUP_OPT_IN_TYPES.forEach(type -> preferences.get(type).ifPresent(
                        v -> optIns.put(type, bool("resource_type_opt_in_preference[\"" + type + "\"]", v))));
                case Unknown u -> BACKUP_OPT_IN_TYPES.forEach(type -> optIns.put(type, Value.unknown(u.expression())));
                default -> { }
            }
        }
        if (!optIns.isEmpty()) {
            add(instance, new BackupRegionSettings(origins.apply(instance), instance.address(), instance.address(),
                    optIns));
        }
    }

    private void dbInstance(ResourceInstance instance, TerraformDeclaration.Configuration configuration) {
        if (!instance.expanded()) {
            expansionFault(instance, RdsInstance.class);
            return;
        }
        EvaluatedBlock body = instance.body();
        boolean member = instance.type().equals(CLUSTER_INSTANCE);
        String name = member ? dbName(instance) : dbNames.get(instance.address());
        String engine = text(body.attribute("engine").orElse(null)).map(e -> e.toLowerCase(Locale.ROOT)).orElse(null);
        String cluster = member ? presence(body.attribute("cluster_identifier").orElse(null))
                .orElse(instance.address()) : null;
        String source = body.attribute("replicate_source_db").map(this::replicaSource).orElse(null);
        add(instance, RdsInstanceMapping.instance(new TerraformDeclaration(instance, configuration), name,
                rdsArnPrefix + name, engine, cluster, source));
    }

    /** The identifier in lower case (as RDS stores it), the blocking expression, or else the address. */
    private static String dbName(ResourceInstance instance) {
        return switch (instance.attribute("identifier").orElse(NullValue.INSTANCE)) {
            case StringValue s when !s.value().isBlank() -> s.value().toLowerCase(Locale.ROOT);
            case Unknown u -> "${" + u.expression() + "}";
            default -> instance.address();
        };
    }

    /** {@code aws_db_instance.main.identifier} (or {@code .id}, {@code .arn}) names that instance. */
    private String replicaSource(dev.vigil.hcl.Value value) {
        if (value instanceof Unknown u && u.references().size() == 1) {
            String name = dbNames.get(u.references().getFirst().address());
            if (name != null) {
                return name;
            }
        }
        return presence(value).orElse(null);
    }

    private void selection(ResourceInstance instance) {
        if (!instance.expanded()) {
            expansionFault(instance, BackupSelection.class);
            return;
        }
        EvaluatedBlock body = instance.body();
        try {
            add(instance, new BackupSelection(origins.apply(instance), instance.address(),
                    text(body.attribute("name").orElse(null)).orElse(instance.address()),
                    planName(body.attribute("plan_id").orElse(null)),
                    arns(body.attribute("resources").orElse(null)), arns(body.attribute("not_resources").orElse(null)),
                    listOfTags(body), conditions(body)));
        } catch (UndecidedTagTest e) {
            fault(instance, BackupSelection.class, "terraform:evaluate",
                    "tag test of backup selection " + instance.address() + " cannot be decided: " + e.getMessage());
        }
    }

    /** The {@code name} of the referenced {@code aws_backup_plan}, else its address or the plan ID as written. */
    private String planName(dev.vigil.hcl.Value planId) {
        if (planId instanceof Unknown u) {
            for (Reference reference : u.references()) {
                ResourceInstance plan = plans.get(reference.address());
                if (plan != null) {
                    return text(plan.attribute("name").orElse(null)).orElse(plan.address());
                }
            }
        }
        return presence(planId).orElse(null);
    }

    private List<Value<String>> arns(dev.vigil.hcl.Value value) {
        List<Value<String>> out = new ArrayList<>();
        switch (value) {
            case null -> { }
            case NullValue n -> { }
            case ListValue list -> list.elements().forEach(e -> out.addAll(arns(e)));
            case SetValue set -> set.elements().forEach(e -> out.addAll(arns(e)));
            case StringValue s -> out.add(literalArn(s.value()));
            case Unknown u -> out.addAll(resolved(u));
            default -> out.add(Value.unknown(value.toString()));
        }
        return out;
    }

    /**
     * A reference such as {@code aws_db_instance.main.arn} (directly, through module outputs, or one instance of a
     * splat or {@code for} expression) is that instance's synthetic ARN. The ARN of a resource of another type,
     * such as {@code aws_efs_file_system.files.arn}, can select no DB instance: it stays as written, as
     * {@code ${aws_efs_file_system.files.arn}}, so that it makes no instance UNKNOWN. Anything else unresolved stays
     * unknown, named by its expression.
     */
    private List<Value<String>> resolved(Unknown unknown) {
        List<Value<String>> out = new ArrayList<>();
        if (!TRAVERSAL.matcher(unknown.expression()).matches() || unknown.references().isEmpty()) {
            return List.of(Value.unknown(unknown.expression()));
        }
        for (Reference reference : unknown.references()) {
            if (reference.kind() != Reference.Kind.RESOURCE || !reference.attributePath().equals(List.of("arn"))) {
                return List.of(Value.unknown(unknown.expression()));
            }
            String name = dbNames.get(reference.address());
            String cluster = clusterArns.get(reference.address());
            if (name != null) {
                out.add(Value.known(rdsArnPrefix + name));
            } else if (cluster != null) {
                out.add(Value.known(cluster));
            } else if (!RDS_ARNS.contains(reference.type())) {
                out.add(Value.known("${" + reference.address() + ".arn}"));
            } else {
                return List.of(Value.unknown(unknown.expression()));
            }
        }
        return out;
    }

    /**
     * A literal ARN that would cover a DB instance of this configuration only in some region or account, e.g.
     * {@code arn:aws:rds:us-east-1:123456789012:db:orders}, is unknown: the configuration does not say where it
     * is applied.
     */
    private Value<String> literalArn(String pattern) {
        String[] parts = pattern.split(":", -1);
        if (parts.length > 5) {
            parts[3] = "*";
            parts[4] = "*";
            String widened = String.join(":", parts);
            List<String> arns = new ArrayList<>(clusterArns.values());
            dbNames.values().forEach(name -> arns.add(rdsArnPrefix + name));
            for (String arn : arns) {
                if (!Wildcard.matches(pattern, arn) && Wildcard.matches(widened, arn)) {
                    return Value.unknown(pattern + " (covers a DB instance or cluster of this configuration only if"
                            + " applied to that region and account)");
                }
            }
        }
        return Value.known(pattern);
    }

    private static List<TagCondition> listOfTags(EvaluatedBlock body) throws UndecidedTagTest {
        List<TagCondition> out = new ArrayList<>();
        for (EvaluatedBlock tag : body.blocks("selection_tag")) {
            out.add(tagCondition(tag, decided(tag, "type")));
        }
        return out;
    }

    private static List<TagCondition> conditions(EvaluatedBlock body) throws UndecidedTagTest {
        List<TagCondition> out = new ArrayList<>();
        for (EvaluatedBlock condition : body.blocks("condition")) {
            blocker(condition);
            for (String operator : CONDITION_OPERATORS) {
                for (EvaluatedBlock test : condition.blocks(operator)) {
                    out.add(tagCondition(test, operator));
                }
            }
        }
        return out;
    }

    private static TagCondition tagCondition(EvaluatedBlock test, String operator) throws UndecidedTagTest {
        blocker(test);
        try {
            return TagCondition.of(TagCondition.Operator.parse(operator), decided(test, "key"), decided(test, "value"));
        } catch (IllegalArgumentException e) {
            throw new UndecidedTagTest(e.getMessage());
        }
    }

    private static void blocker(EvaluatedBlock block) throws UndecidedTagTest {
        if (block.expansionBlocker() != null) {
            throw new UndecidedTagTest(block.expansionBlocker().expression());
        }
    }

    private static String decided(EvaluatedBlock test, String attribute) throws UndecidedTagTest {
        dev.vigil.hcl.Value value = test.attribute(attribute).orElse(null);
        return switch (value) {
            case StringValue s -> s.value();
            case Unknown u -> throw new UndecidedTagTest(u.expression());
            case null -> throw new UndecidedTagTest(attribute + " is missing in " + test.type());
            default -> throw new UndecidedTagTest(attribute + " = " + value);
        };
    }

    private void add(ResourceInstance instance, Resource resource) {
        Map<String, String> suppressed = new LinkedHashMap<>();
        for (SkipDirective skip : instance.skips()) {
            suppressed.put(skip.ruleId(), skip.reason());
        }
        mapped.add(resource, suppressed);
    }

    private void expansionFault(ResourceInstance instance, Class<? extends Resource> kind) {
        fault(instance, kind, "terraform:expand", instance.address() + ": count/for_each cannot be resolved: "
                + instance.expansionBlocker().expression());
    }

    private void fault(ResourceInstance instance, Class<? extends Resource> kind, String operation, String problem) {
        Origin.Template origin = origins.apply(instance);
        mapped.fault(new Fault(origin, Set.of(kind), operation, origin.file() + ":" + origin.line() + ": " + problem));
    }

    private static Optional<String> text(dev.vigil.hcl.Value value) {
        return value instanceof StringValue s ? Optional.of(s.value()) : Optional.empty();
    }

    /** Known text, or the blocking expression when unknown; empty when absent or null. */
    private static Optional<String> presence(dev.vigil.hcl.Value value) {
        return switch (value) {
            case null -> Optional.empty();
            case NullValue n -> Optional.empty();
            case StringValue s -> Optional.of(s.value());
            case Unknown u -> Optional.of(u.expression());
            default -> Optional.of(value.toString());
        };
    }

    /** A tag test that cannot be decided before apply. */
    private static final class UndecidedTagTest extends Exception {

        UndecidedTagTest(String expression) {
            super(expression, null, false, false);
        }
    }
}
