package dev.vigil.realtime.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.collect.CollectorCatalog;
import dev.vigil.aws.collect.EventTrigger;
import dev.vigil.core.model.Resource;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.hcl.Block;
import dev.vigil.hcl.Body;
import dev.vigil.hcl.EvalContext;
import dev.vigil.hcl.HclFile;
import dev.vigil.hcl.HclParser;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Value;
import dev.vigil.iac.cloudformation.CloudFormationLoader;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The emitted templates: they load (Vigil's own CloudFormation loader and HCL parser, and a plain YAML reader), hold
 * the queue, its dead-letter queue and the policies, and their event patterns list exactly what the collectors'
 * triggers declare for the selected rules' kinds.
 */
class SetupTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Catalog CATALOG = Catalog.load();

    /** Source → event names, straight from the triggers of every kind the rules read. */
    private static Map<String, Set<String>> expected(List<RuleDefinition> rules) {
        Set<Class<? extends Resource>> kinds = new HashSet<>();
        rules.forEach(r -> kinds.addAll(r.meta().reads()));
        Map<String, Set<String>> out = new HashMap<>();
        for (Class<? extends Resource> kind : kinds) {
            for (EventTrigger t : CollectorCatalog.forKind(kind).triggers()) {
                out.computeIfAbsent(t.source(), k -> new TreeSet<>()).addAll(t.eventNames());
            }
        }
        return out;
    }

    /** Source → event names of patterns, checking each pattern's other fields. */
    private static Map<String, Set<String>> patterns(List<JsonNode> patterns) {
        Map<String, Set<String>> out = new HashMap<>();
        for (JsonNode p : patterns) {
            String source = p.path("detail").path("eventSource").get(0).asText();
            assertThat(p.path("detail").path("eventSource")).hasSize(1);
            assertThat(p.path("source").get(0).asText()).isEqualTo("aws." + source.replace(".amazonaws.com", ""));
            assertThat(p.path("detail-type").get(0).asText()).isEqualTo("AWS API Call via CloudTrail");
            assertThat(p.path("detail").path("errorCode").get(0).path("exists").asBoolean(true)).isFalse();
            Set<String> names = new TreeSet<>();
            p.path("detail").path("eventName").forEach(n -> names.add(n.asText()));
            assertThat(out.put(source, names)).as("one pattern per source").isNull();
        }
        return out;
    }

    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(text));
    }

    private static List<JsonNode> resources(JsonNode template, String type) {
        List<JsonNode> out = new java.util.ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                out.add(r.path("Properties"));
            }
        });
        return out;
    }

    private static void loadsWithVigilsOwnLoader(String file, String text) {
        var scan = new CloudFormationLoader(CloudFormationOptions.defaults()).load(file, text);
        assertThat(scan.templates()).as("Vigil's CloudFormation loader takes it for a template").containsExactly(file);
        assertThat(scan.inventory().faults()).as("and reads it without a fault").isEmpty();
    }

    @Test
    void oneAccountInCloudFormation() {
        List<RuleDefinition> rules = CATALOG.all();
        String text = Setup.emit(Setup.Format.CLOUDFORMATION, false, rules);
        loadsWithVigilsOwnLoader("setup.yaml", text);
        JsonNode t = yaml(text);

        assertThat(patterns(resources(t, "AWS::Events::Rule").stream().map(r -> r.path("EventPattern")).toList()))
                .isEqualTo(expected(rules)).containsKeys("dynamodb.amazonaws.com", "rds.amazonaws.com",
                        "backup.amazonaws.com");
        assertThat(resources(t, "AWS::Events::Rule")).allSatisfy(r -> {
            assertThat(r.has("EventBusName")).as("the account's default bus").isFalse();
            assertThat(r.path("Targets").get(0).path("Arn").path("Fn::GetAtt").get(0).asText()).isEqualTo("Queue");
        });
        JsonNode queue = t.path("Resources").path("Queue").path("Properties");
        assertThat(queue.path("RedrivePolicy").path("deadLetterTargetArn").path("Fn::GetAtt").get(0).asText())
                .isEqualTo("DeadLetterQueue");
        assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt()).isEqualTo(5);
        assertThat(queue.path("SqsManagedSseEnabled").asBoolean()).isTrue();
        JsonNode statement = resources(t, "AWS::SQS::QueuePolicy").getFirst().path("PolicyDocument").path("Statement").get(0);
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
        assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
        assertThat(statement.path("Condition").path("ArnEquals").path("aws:SourceArn")).as("every rule, one per source")
                .hasSize(expected(rules).size());
        assertThat(t.path("Outputs").path("QueueUrl").path("Value").path("Ref").asText()).isEqualTo("Queue");
    }

    @Test
    void theRulesChosenDecideTheEvents() {
        List<RuleDefinition> dynamo = CATALOG.select(List.of("DynamoDB-003"));
        JsonNode t = yaml(Setup.emit(Setup.Format.CLOUDFORMATION, false, dynamo));
        assertThat(patterns(resources(t, "AWS::Events::Rule").stream().map(r -> r.path("EventPattern")).toList()))
                .isEqualTo(expected(dynamo)).containsOnlyKeys("dynamodb.amazonaws.com");
        // Backup-001 reads instances, snapshots and selections: RDS and AWS Backup events
        List<RuleDefinition> backup = CATALOG.select(List.of("Backup-001"));
        JsonNode b = yaml(Setup.emit(Setup.Format.CLOUDFORMATION, false, backup));
        Map<String, Set<String>> events = patterns(resources(b, "AWS::Events::Rule").stream()
                .map(r -> r.path("EventPattern")).toList());
        assertThat(events).isEqualTo(expected(backup)).containsOnlyKeys("rds.amazonaws.com", "backup.amazonaws.com");
        assertThat(events.get("backup.amazonaws.com")).contains("CreateBackupSelection", "DeleteBackupSelection",
                "DeleteBackupPlan");
        assertThat(events.get("rds.amazonaws.com")).contains("CreateDBInstance", "DeleteDBInstance",
                "RestoreDBInstanceFromDBSnapshot", "RestoreDBInstanceToPointInTime").doesNotContain("ModifyDBCluster");
    }

    @Test
    void anOrganizationInCloudFormation() throws Exception {
        List<RuleDefinition> rules = CATALOG.all();
        String text = Setup.emit(Setup.Format.CLOUDFORMATION, true, rules);
        loadsWithVigilsOwnLoader("org.yaml", text);
        JsonNode t = yaml(text);

        JsonNode busPolicy = resources(t, "AWS::Events::EventBusPolicy").getFirst();
        assertThat(busPolicy.path("Statement").path("Action").asText()).isEqualTo("events:PutEvents");
        assertThat(busPolicy.path("Statement").path("Condition").path("StringEquals").path("aws:PrincipalOrgID")
                .path("Ref").asText()).isEqualTo("OrganizationId");
        assertThat(resources(t, "AWS::Events::Rule")).allSatisfy(r -> assertThat(r.path("EventBusName").path("Ref")
                .asText()).as("rules on the central bus").isEqualTo("EventBus"));
        assertThat(patterns(resources(t, "AWS::Events::Rule").stream().map(r -> r.path("EventPattern")).toList()))
                .isEqualTo(expected(rules));

        JsonNode stackSet = resources(t, "AWS::CloudFormation::StackSet").getFirst();
        assertThat(stackSet.path("PermissionModel").asText()).isEqualTo("SERVICE_MANAGED");
        assertThat(stackSet.path("StackInstancesGroup").get(0).path("DeploymentTargets").path("OrganizationalUnitIds")
                .path("Ref").asText()).isEqualTo("OrganizationalUnitIds");
        String memberText = stackSet.path("TemplateBody").asText();
        loadsWithVigilsOwnLoader("member.json", memberText);
        JsonNode member = JSON.readTree(memberText);
        List<JsonNode> forwards = resources(member, "AWS::Events::Rule");
        assertThat(patterns(forwards.stream().map(r -> r.path("EventPattern")).toList())).isEqualTo(expected(rules));
        assertThat(forwards).allSatisfy(r -> {
            JsonNode target = r.path("Targets").get(0);
            assertThat(target.path("Arn").path("Ref").asText()).isEqualTo("CentralEventBusArn");
            assertThat(target.path("RoleArn").path("Fn::GetAtt").get(0).asText()).isEqualTo("ForwardRole");
        });
        assertThat(resources(member, "AWS::IAM::Role").getFirst().path("Policies").get(0).path("PolicyDocument")
                .path("Statement").get(0).path("Action").asText()).isEqualTo("events:PutEvents");
    }

    private static Map<String, Block> resources(Body body) {
        Map<String, Block> out = new HashMap<>();
        body.blocks("resource").forEach(b -> out.put(b.labels().get(0) + "." + b.labels().get(1), b));
        return out;
    }

    private static JsonNode jsonencoded(Block block, String attribute) throws Exception {
        Value v = EvalContext.empty().evaluate(block.body().attribute(attribute).orElseThrow().expr());
        assertThat(v).as(attribute + " is a literal").isInstanceOf(StringValue.class);
        return JSON.readTree(((StringValue) v).value());
    }

    @Test
    void oneAccountAndAnOrganizationInTerraform() throws Exception {
        List<RuleDefinition> rules = CATALOG.all();
        HclFile single = HclParser.parse("setup.tf", Setup.emit(Setup.Format.TERRAFORM, false, rules));
        Map<String, Block> r = resources(single.body());
        assertThat(r).containsKeys("aws_sqs_queue.events", "aws_sqs_queue.dead_letter", "aws_sqs_queue_policy.events",
                "aws_cloudwatch_event_rule.dynamodb", "aws_cloudwatch_event_target.dynamodb");
        List<JsonNode> patterns = new java.util.ArrayList<>();
        for (Block rule : r.values().stream().filter(b -> b.labels().get(0).equals("aws_cloudwatch_event_rule")).toList()) {
            patterns.add(jsonencoded(rule, "event_pattern"));
            assertThat(r).containsKey("aws_cloudwatch_event_target." + rule.labels().get(1));
        }
        assertThat(patterns(patterns)).isEqualTo(expected(rules));
        assertThat(single.body().blocks("output")).extracting(b -> b.labels().getFirst()).contains("queue_url");

        HclFile org = HclParser.parse("org.tf", Setup.emit(Setup.Format.TERRAFORM, true, rules));
        Map<String, Block> o = resources(org.body());
        assertThat(o).containsKeys("aws_cloudwatch_event_bus.central", "aws_cloudwatch_event_bus_policy.central",
                "aws_cloudformation_stack_set.forwarders", "aws_cloudformation_stack_set_instance.forwarders");
        JsonNode member = jsonencoded(o.get("aws_cloudformation_stack_set.forwarders"), "template_body");
        assertThat(patterns(resources(member, "AWS::Events::Rule").stream().map(x -> x.path("EventPattern")).toList()))
                .isEqualTo(expected(rules));
        assertThat(o.get("aws_cloudwatch_event_rule.rds").body().attribute("event_bus_name")).isPresent();
    }

    @Test
    void hclStringsAreEscapedSoNothingIsInterpolated() {
        assertThat(Hcl.string("a \"b\" ${c} %{d} \\ e\n")).isEqualTo("\"a \\\"b\\\" $${c} %%{d} \\\\ e\\n\"");
        var v = EvalContext.empty().evaluate(HclParser.parseExpression("t", Hcl.string("x ${y} %{z}")));
        assertThat(v).isEqualTo(new StringValue("x ${y} %{z}"));
    }
}
