package dev.vigil.hcl.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.vigil.hcl.BoolValue;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.NumberValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Reference;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TerraformLoaderTest {
    private static Path project;
    private static TerraformConfiguration config;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        project = Path.of(TerraformLoaderTest.class.getResource("/terraform/project").toURI());
        config = TerraformLoader.load(project, TerraformOptions.defaults()
                .withVarFile(project.resolve("extra.tfvars.txt")));
    }

    private static ResourceInstance resource(String address) {
        return config.resource(address).orElseThrow(() -> new AssertionError("no " + address + " in "
                + config.resources().stream().map(ResourceInstance::address).toList()));
    }

    private static Value attr(String address, String attribute) {
        return resource(address).attribute(attribute).orElseThrow();
    }

    private static Unknown unknown(Value v) {
        assertThat(v).isInstanceOf(Unknown.class);
        return (Unknown) v;
    }

    @Test
    void addressesAreExactlyAsTerraformPrintsThem() {
        assertThat(config.resources()).extracting(ResourceInstance::address).containsExactly(
                "aws_dynamodb_table.single",
                "aws_dynamodb_table.each[\"orders\"]",
                "aws_dynamodb_table.each[\"users\"]",
                "aws_dynamodb_table.counted[0]",
                "aws_dynamodb_table.counted[1]",
                "aws_dynamodb_table.by_map[\"alpha\"]",
                "aws_dynamodb_table.by_map[\"beta\"]",
                "aws_dynamodb_table.blocked",
                "aws_dynamodb_table.blocked_each",
                "aws_backup_selection.rds",
                "module.orders.aws_dynamodb_table.this",
                "module.orders.module.backup.aws_backup_selection.table",
                "module.per_env[\"blue\"].aws_dynamodb_table.this",
                "module.per_env[\"blue\"].module.backup.aws_backup_selection.table",
                "module.per_env[\"green\"].aws_dynamodb_table.this",
                "module.per_env[\"green\"].module.backup.aws_backup_selection.table",
                "module.one_backup[0].aws_backup_selection.table");
        ResourceInstance counted = resource("aws_dynamodb_table.counted[1]");
        assertThat(counted.type()).isEqualTo("aws_dynamodb_table");
        assertThat(counted.name()).isEqualTo("counted");
        assertThat(counted.key()).isEqualTo(NumberValue.of(1));
        assertThat(counted.file()).isEqualTo("main.tf");
        assertThat(counted.line()).isEqualTo(80);
        assertThat(counted.modulePath()).isEmpty();
        ResourceInstance nested = resource("module.per_env[\"green\"].module.backup.aws_backup_selection.table");
        assertThat(nested.file()).isEqualTo("modules/backup/main.tf");
        assertThat(nested.line()).isEqualTo(4);
        assertThat(nested.modulePath()).isEqualTo("module.per_env[\"green\"].module.backup");
    }

    @Test
    void variablesFromDefaultsTfvarsAutoTfvarsAndVarFiles() {
        assertThat(attr("aws_dynamodb_table.single", "name")).isEqualTo(new StringValue("shop-staging-single"));
        assertThat(resource("aws_dynamodb_table.single").body().block("point_in_time_recovery").orElseThrow()
                .attribute("enabled")).contains(BoolValue.TRUE);
        assertThat(config.resourcesOfType("aws_dynamodb_table").stream()
                .filter(r -> r.name().equals("counted"))).hasSize(2);
        List<EvaluatedBlock> replicas = resource("aws_dynamodb_table.each[\"users\"]").body().blocks("replica");
        assertThat(replicas).extracting(b -> b.attribute("region_name").orElseThrow(), b -> b.attribute("position")
                .orElseThrow())
                .containsExactly(tuple(new StringValue("eu-west-1"), NumberValue.of(0)),
                        tuple(new StringValue("us-east-1"), NumberValue.of(1)));
    }

    @Test
    void commandLineOverridesAreTypedByTheDeclaration() throws IOException {
        TerraformConfiguration overridden = TerraformLoader.load(project, TerraformOptions.defaults()
                .withVariable("replicas", "3")
                .withVariable("regions", "[\"ap-south-1\"]")
                .withVariable("env", "[not parsed]")
                .withVariable("pitr", "false"));
        assertThat(overridden.resources()).filteredOn(r -> r.name().equals("counted"))
                .extracting(ResourceInstance::address)
                .containsExactly("aws_dynamodb_table.counted[0]", "aws_dynamodb_table.counted[1]",
                        "aws_dynamodb_table.counted[2]");
        ResourceInstance users = overridden.resource("aws_dynamodb_table.each[\"users\"]").orElseThrow();
        assertThat(users.body().blocks("replica")).extracting(b -> b.attribute("region_name").orElseThrow())
                .containsExactly(new StringValue("ap-south-1"));
        assertThat(users.attribute("name")).contains(new StringValue("shop-[not parsed]-users"));
        assertThat(overridden.resource("aws_dynamodb_table.single").orElseThrow().body().block("point_in_time_recovery")
                .orElseThrow().attribute("enabled")).contains(BoolValue.FALSE);
    }

    @Test
    void missingVariableIsUnknownNamingIt() throws IOException, URISyntaxException {
        Path bare = Path.of(getClass().getResource("/terraform/bare").toURI());
        TerraformConfiguration c = TerraformLoader.load(bare);
        Unknown u = unknown(c.resource("aws_s3_bucket.b").orElseThrow().attribute("bucket").orElseThrow());
        assertThat(u.expression()).isEqualTo("var.name");
        assertThat(u.reason())
                .isEqualTo("variable name has no value: no default, and not set by tfvars, -var or the module call");
        assertThat(u.pos().line()).isEqualTo(1);
        assertThat(c.resources()).extracting(ResourceInstance::address).containsExactly("aws_s3_bucket.b");
        assertThat(c.diagnostics()).extracting(TerraformDiagnostic::toString)
                .containsExactly("main_override.tf:1:1: override files are not merged by the static scanner; skipped");
    }

    @Test
    void typeConstraintsFillOptionalAttributesAndConvertElements() throws IOException, URISyntaxException {
        TerraformConfiguration typed = TerraformLoader.load(Path.of(getClass().getResource("/terraform/typed")
                .toURI()));
        ResourceInstance t = typed.resource("aws_dynamodb_table.t").orElseThrow();
        EvaluatedBlock pitr = t.body().block("point_in_time_recovery").orElseThrow();
        assertThat(pitr.attribute("enabled")).contains(BoolValue.TRUE);
        assertThat(pitr.attribute("recovery_period_in_days")).contains(dev.vigil.hcl.NullValue.INSTANCE);
        assertThat(t.body().blocks("global_secondary_index"))
                .extracting(b -> b.attribute("name").orElseThrow(), b -> b.attribute("projection_type").orElseThrow())
                .containsExactly(tuple(new StringValue("by_date"), new StringValue("KEYS_ONLY")),
                        tuple(new StringValue("by_email"), new StringValue("ALL")));
        assertThat(t.attribute("ports")).contains(new ListValue(List.of(NumberValue.of(80), NumberValue.of(443))));
        assertThat(typed.resource("aws_s3_bucket.bad_count").orElseThrow().expansionBlocker().reason())
                .isEqualTo("count must not be negative, got -1");
        assertThat(typed.resource("aws_s3_bucket.bad_each").orElseThrow().expansionBlocker().reason())
                .isEqualTo("for_each must be a map or a set of strings, got list; toset() makes one a set");
        assertThat(typed.diagnostics()).extracting(TerraformDiagnostic::kind).as("Terraform refuses both")
                .containsOnly(TerraformDiagnostic.Kind.INVALID_EXPANSION).hasSize(2);
    }

    @Test
    void localsInDependencyOrderAndCyclesAsUnknown() {
        assertThat(attr("aws_dynamodb_table.single", "tags")).isEqualTo(new ObjectValue(Map.of(
                "Owner", new StringValue("data-team"), "App", new StringValue("shop"), "Env",
                        new StringValue("staging"))));
        Unknown cycle = unknown(attr("aws_backup_selection.rds", "cycle"));
        assertThat(cycle.reason())
                .isEqualTo("local.cycle_a is part of a dependency cycle: "
                        + "local.cycle_a -> local.cycle_b -> local.cycle_a");
        assertThat(cycle.expression()).isEqualTo("local.cycle_b");
    }

    @Test
    void countZeroAndUnknownCount() {
        assertThat(config.resources()).noneMatch(r -> r.name().equals("none"));
        assertThat(config.resources()).noneMatch(r -> r.address().startsWith("module.counted"));
        ResourceInstance blocked = resource("aws_dynamodb_table.blocked");
        assertThat(blocked.expanded()).isFalse();
        assertThat(blocked.expansionBlocker().expression()).isEqualTo("data.aws_availability_zones.all.names");
        assertThat(blocked.expansionBlocker().references()).containsExactly(
                new Reference(Reference.Kind.DATA, "", "aws_availability_zones", "all", null, List.of("names")));
        assertThat(unknown(attr("aws_dynamodb_table.blocked", "name")).expression())
                .isEqualTo("data.aws_availability_zones.all.names");
        assertThat(config.diagnostics()).noneMatch(d -> d.kind() == TerraformDiagnostic.Kind.PARSE_ERROR);
        ResourceInstance blockedEach = resource("aws_dynamodb_table.blocked_each");
        assertThat(blockedEach.expansionBlocker().expression()).isEqualTo("data.aws_dynamodb_tables.all.names");
        assertThat(unknown(blockedEach.attribute("name").orElseThrow()).expression())
                .isEqualTo("data.aws_dynamodb_tables.all.names");
    }

    @Test
    void forEachOverSetsAndMaps() {
        assertThat(attr("aws_dynamodb_table.each[\"orders\"]", "name"))
                .isEqualTo(new StringValue("shop-staging-orders"));
        assertThat(resource("aws_dynamodb_table.each[\"orders\"]").key()).isEqualTo(new StringValue("orders"));
        assertThat(attr("aws_dynamodb_table.by_map[\"beta\"]", "name")).isEqualTo(new StringValue("b-table"));
        assertThat(attr("aws_dynamodb_table.by_map[\"beta\"]", "tags")).isEqualTo(new ObjectValue(Map.of("Key",
                new StringValue("beta"))));
        assertThat(resource("aws_dynamodb_table.by_map[\"beta\"]").body().attributes()).doesNotContainKey("for_each");
    }

    @Test
    void lifecycleIgnoreChangesNamesAttributes() {
        EvaluatedBlock lifecycle = resource("aws_dynamodb_table.single").body().block("lifecycle").orElseThrow();
        assertThat(lifecycle.attribute("prevent_destroy")).contains(BoolValue.TRUE);
        assertThat(lifecycle.attribute("ignore_changes")).contains(new ListValue(List.of(
                new StringValue("read_capacity"), new StringValue("tags[\"Owner\"]"),
                        new StringValue("write_capacity"))));
    }

    @Test
    void blockAsOneObjectValue() {
        ObjectValue single = resource("aws_dynamodb_table.single").body().toValue();
        assertThat(single.get("hash_key")).contains(new StringValue("id"));
        assertThat(single.get("point_in_time_recovery")).contains(new ListValue(List.of(
                new ObjectValue(Map.of("enabled", BoolValue.TRUE)))));
        assertThat(single.get("attribute")).contains(new ListValue(List.of(
                new ObjectValue(Map.of("name", new StringValue("id"), "type", new StringValue("S"))))));
    }

    @Test
    void dynamicBlocksWithIteratorAndLabels() {
        List<EvaluatedBlock> conditions = resource("aws_backup_selection.rds").body().blocks("condition");
        assertThat(conditions).hasSize(1);
        assertThat(conditions.getFirst().labels()).containsExactly("env");
        assertThat(conditions.getFirst().attribute("value")).contains(new StringValue("staging"));
        assertThat(resource("aws_backup_selection.rds").body().blocks()).doesNotContainKey("dynamic");
    }

    @Test
    void referencesToOtherResourcesAreRecorded() {
        ListValue resources = (ListValue) attr("aws_backup_selection.rds", "resources");
        assertThat(resources.elements()).hasSize(3);
        Unknown main = unknown(resources.elements().get(0));
        assertThat(main.expression()).isEqualTo("aws_db_instance.main.arn");
        assertThat(main.references()).containsExactly(
                new Reference(Reference.Kind.RESOURCE, "", "aws_db_instance", "main", null, List.of("arn")));
        assertThat(main.reason()).isEqualTo("depends on aws_db_instance.main.arn, known only after apply");
        Unknown replica = unknown(resources.elements().get(1));
        assertThat(replica.references().getFirst().key()).isEqualTo(NumberValue.of(0));
        assertThat(replica.references().getFirst().address()).isEqualTo("aws_db_instance.replica[0]");
        assertThat(resources.elements().get(2))
                .isEqualTo(new StringValue("arn:aws:rds:eu-west-1:123456789012:db:legacy"));
        Unknown kms = unknown(attr("aws_backup_selection.rds", "kms"));
        assertThat(kms.references().getFirst().address()).isEqualTo("aws_kms_key.k");
        Unknown upper = unknown(attr("aws_backup_selection.rds", "name_upper"));
        assertThat(upper.expression()).isEqualTo("aws_kms_key.k.name");
        Unknown plan = unknown(attr("aws_backup_selection.rds", "plan_id"));
        assertThat(plan.references()).containsExactly(new Reference(Reference.Kind.MODULE, "", "", "vpc", null,
                List.of("plan_id")));
        Unknown fromModule = unknown(attr("aws_backup_selection.rds", "from_module"));
        assertThat(fromModule.references()).containsExactly(
                new Reference(Reference.Kind.RESOURCE, "module.orders", "aws_dynamodb_table", "this", null,
                        List.of("arn")));
        assertThat(fromModule.references().getFirst().address()).isEqualTo("module.orders.aws_dynamodb_table.this");
        assertThat(unknown(attr("aws_backup_selection.rds", "file_body")).reason())
                .isEqualTo("file() reads files, the clock or randomness; a static scan does not evaluate it");
    }

    @Test
    void localModulesTwoLevelsDeepWithInputsAndOutputs() {
        assertThat(attr("module.orders.aws_dynamodb_table.this", "name")).isEqualTo(new StringValue("orders"));
        assertThat(attr("module.orders.aws_dynamodb_table.this", "tags")).isEqualTo(attr("aws_dynamodb_table.single",
                "tags"));
        assertThat(attr("module.orders.module.backup.aws_backup_selection.table", "name"))
                .isEqualTo(new StringValue("orders-backup"));
        ListValue backed = (ListValue) attr("module.orders.module.backup.aws_backup_selection.table", "resources");
        assertThat(unknown(backed.elements().getFirst()).references().getFirst().address())
                .isEqualTo("module.orders.aws_dynamodb_table.this");
        assertThat(attr("module.per_env[\"blue\"].aws_dynamodb_table.this", "name"))
                .isEqualTo(new StringValue("t-blue"));
        assertThat(attr("module.one_backup[0].aws_backup_selection.table", "name")).isEqualTo(new StringValue("one-0"));
        assertThat(attr("module.one_backup[0].aws_backup_selection.table", "resources"))
                .isEqualTo(new ListValue(List.of(new StringValue("arn:aws:dynamodb:eu-west-1:123456789012:table/x"))));
        assertThat(config.outputs().get("table_module_path")).isEqualTo(new StringValue("modules/table"));
        assertThat(unknown(config.outputs().get("orders_arn")).references().getFirst().address())
                .isEqualTo("module.orders.aws_dynamodb_table.this");
    }

    @Test
    void remoteAndEscapingModulesAreReportedNotFetched() {
        assertThat(config.diagnostics()).extracting(TerraformDiagnostic::kind, TerraformDiagnostic::message)
                .containsExactly(
                        tuple(TerraformDiagnostic.Kind.REMOTE_MODULE_NOT_SCANNED,
                                "module.vpc: remote module not scanned (source \"terraform-aws-modules/vpc/aws\")"),
                        tuple(TerraformDiagnostic.Kind.MODULE_OUTSIDE_SCANNED_TREE,
                                "module.escape: module source \"../outside-escape/elsewhere\" "
                                        + "is outside the scanned tree; not scanned"));
        assertThat(config.diagnostics().getFirst().pos().line()).isEqualTo(151);
        assertThat(config.resources()).noneMatch(r -> r.address().contains("outside"));
    }

    @Test
    void parseErrorsAreReportedAndOtherFilesStillLoad() throws IOException, URISyntaxException {
        TerraformConfiguration broken = TerraformLoader.load(Path.of(getClass().getResource("/terraform/broken")
                .toURI()));
        assertThat(broken.resources()).extracting(ResourceInstance::address).containsExactly("aws_s3_bucket.ok");
        assertThat(broken.diagnostics()).extracting(TerraformDiagnostic::toString)
                .containsExactly("b.tf:3:9: expected an expression, found newline");
    }

    @Test
    void aRootModuleInsideALargerScannedTree() throws IOException, URISyntaxException {
        Path tree = Path.of(getClass().getResource("/terraform/tree").toURI());
        Path example = tree.resolve("examples/basic");
        TerraformConfiguration inTree = TerraformLoader.load(example, TerraformOptions.defaults().withScanRoot(tree));
        ResourceInstance table = inTree.resource("module.table.aws_dynamodb_table.this").orElseThrow();
        assertThat(table.file()).isEqualTo("main.tf");
        assertThat(table.attribute("name")).contains(new StringValue("example"));
        assertThat(inTree.outputs().get("module_path")).isEqualTo(new StringValue("../.."));
        assertThat(inTree.diagnostics()).isEmpty();
        TerraformConfiguration alone = TerraformLoader.load(example);
        assertThat(alone.resources()).isEmpty();
        assertThat(alone.diagnostics()).extracting(TerraformDiagnostic::kind)
                .containsExactly(TerraformDiagnostic.Kind.MODULE_OUTSIDE_SCANNED_TREE);
    }

    @Test
    void recursiveModulesAreReportedNotFollowed() throws IOException, URISyntaxException {
        TerraformConfiguration recursive = TerraformLoader.load(Path.of(getClass().getResource("/terraform/recursive")
                .toURI()));
        assertThat(recursive.resources()).extracting(ResourceInstance::address)
                .containsExactly("module.a.aws_s3_bucket.a");
        assertThat(recursive.diagnostics()).extracting(TerraformDiagnostic::kind, TerraformDiagnostic::message)
                .containsExactly(
                tuple(TerraformDiagnostic.Kind.MODULE_CYCLE,
                        "module.self: module source \"./\" calls itself "
                                + "(directly or through other modules); not scanned"),
                tuple(TerraformDiagnostic.Kind.MODULE_CYCLE,
                        "module.a.module.b.module.a: module source \"../a\" calls itself "
                                + "(directly or through other modules); not scanned"));
    }

    @Test
    void skipCommentsOnTheFirstLineOrDirectlyAbove() {
        assertThat(resource("aws_dynamodb_table.single").skips())
                .containsExactly(new SkipDirective("DynamoDB-001", "trailing on the first line", 39));
        assertThat(resource("aws_dynamodb_table.each[\"users\"]").skips())
                .containsExactly(new SkipDirective("DynamoDB-003", "restored from nightly snapshots instead", 62));
        assertThat(resource("aws_dynamodb_table.counted[0]").skips()).isEmpty();
        assertThat(resource("aws_dynamodb_table.by_map[\"alpha\"]").skips()).isEmpty();
    }
}
