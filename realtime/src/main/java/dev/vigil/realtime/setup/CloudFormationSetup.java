package dev.vigil.realtime.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/** The setup as a CloudFormation template (YAML, long-form intrinsic functions), built as a tree and dumped. */
final class CloudFormationSetup {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CloudFormationSetup() {
    }

    static String emit(String header, Map<String, Set<String>> events, boolean organization) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", header + (organization ? " (organization: the central bus and queue; the member "
                + "accounts' forwarders as a StackSet)" : " (one account, in the region it is deployed to)"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> resources = new LinkedHashMap<>();
        parameters.put("QueueName", map("Type", "String", "Default", "vigil-events"));
        Object bus = null;
        if (organization) {
            parameters.put("OrganizationId", map("Type", "String", "AllowedPattern", "o-[a-z0-9]{10,32}",
                    "Description", "The organization whose accounts may put events on the central bus"));
            parameters.put("OrganizationalUnitIds", map("Type", "CommaDelimitedList", "Description",
                    "The OUs (or the root, r-...) whose accounts forward their events; the management account is not "
                            + "among a StackSet's targets: deploy the single-account setup there if it runs workloads"));
            parameters.put("Regions", map("Type", "CommaDelimitedList",
                    "Description", "The regions whose events are forwarded, e.g. us-east-1,eu-west-1"));
            parameters.put("EventBusName", map("Type", "String", "Default", "vigil-events"));
            resources.put("EventBus", resource("AWS::Events::EventBus", map("Name", ref("EventBusName"))));
            resources.put("EventBusPolicy", resource("AWS::Events::EventBusPolicy", map(
                    "EventBusName", ref("EventBus"), "StatementId", "VigilOrganizationForwardsEvents",
                    "Statement", map("Effect", "Allow", "Principal", "*", "Action", "events:PutEvents",
                            "Resource", getAtt("EventBus", "Arn"),
                            "Condition", Map.of("StringEquals", Map.of("aws:PrincipalOrgID", ref("OrganizationId")))))));
            bus = ref("EventBus");
        }
        resources.put("DeadLetterQueue", resource("AWS::SQS::Queue", map(
                "QueueName", Map.of("Fn::Sub", "${QueueName}-dlq"),
                "MessageRetentionPeriod", Setup.DEAD_LETTER_RETENTION_SECONDS, "SqsManagedSseEnabled", true)));
        resources.put("Queue", resource("AWS::SQS::Queue", map("QueueName", ref("QueueName"),
                "VisibilityTimeout", Setup.VISIBILITY_SECONDS, "MessageRetentionPeriod", Setup.RETENTION_SECONDS,
                "SqsManagedSseEnabled", true, "RedrivePolicy", map("deadLetterTargetArn", getAtt("DeadLetterQueue", "Arn"),
                        "maxReceiveCount", Setup.MAX_RECEIVE_COUNT))));
        List<Object> ruleArns = new ArrayList<>();
        for (Map.Entry<String, Set<String>> source : events.entrySet()) {
            String name = "Rule" + Setup.logicalName(source.getKey());
            Map<String, Object> properties = map("Description", "Vigil: " + source.getKey() + " calls after which rules "
                    + "re-check what changed");
            if (bus != null) {
                properties.put("EventBusName", bus);
            }
            properties.put("EventPattern", EventPatterns.pattern(source.getKey(), source.getValue()));
            properties.put("State", "ENABLED");
            properties.put("Targets", List.of(map("Id", "vigil-queue", "Arn", getAtt("Queue", "Arn"))));
            resources.put(name, resource("AWS::Events::Rule", properties));
            ruleArns.add(getAtt(name, "Arn"));
        }
        resources.put("QueuePolicy", resource("AWS::SQS::QueuePolicy", map("Queues", List.of(ref("Queue")),
                "PolicyDocument", map("Version", "2012-10-17", "Statement", List.of(map(
                        "Sid", "VigilRulesSendEvents", "Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"), "Action", "sqs:SendMessage",
                        "Resource", getAtt("Queue", "Arn"),
                        "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", ruleArns))))))));
        if (organization) {
            resources.put("MemberForwarders", resource("AWS::CloudFormation::StackSet", map(
                    "StackSetName", "vigil-realtime-forwarders",
                    "Description", "Vigil: forwards the member accounts' events to the central bus",
                    "PermissionModel", "SERVICE_MANAGED",
                    "AutoDeployment", map("Enabled", true, "RetainStacksOnAccountRemoval", false),
                    "Capabilities", List.of("CAPABILITY_IAM"),
                    "Parameters", List.of(map("ParameterKey", "CentralEventBusArn",
                            "ParameterValue", getAtt("EventBus", "Arn"))),
                    "StackInstancesGroup", List.of(map("DeploymentTargets",
                            Map.of("OrganizationalUnitIds", ref("OrganizationalUnitIds")), "Regions", ref("Regions"))),
                    "TemplateBody", json(member(header, events)))));
        }
        template.put("Parameters", parameters);
        template.put("Resources", resources);
        template.put("Outputs", map("QueueUrl", map("Description", "realtime.queues[].url in vigil.yaml",
                "Value", ref("Queue")), "DeadLetterQueueUrl", map("Value", ref("DeadLetterQueue"))));
        return yaml(template);
    }

    /** The StackSet's template: in a member account and region, the rules that forward to the central bus. */
    static Map<String, Object> member(String header, Map<String, Set<String>> events) {
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("ForwardRole", resource("AWS::IAM::Role", map(
                "AssumeRolePolicyDocument", map("Version", "2012-10-17", "Statement", List.of(map("Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"), "Action", "sts:AssumeRole"))),
                "Policies", List.of(map("PolicyName", "vigil-forward-events", "PolicyDocument", map(
                        "Version", "2012-10-17", "Statement", List.of(map("Effect", "Allow", "Action", "events:PutEvents",
                                "Resource", ref("CentralEventBusArn")))))))));
        for (Map.Entry<String, Set<String>> source : events.entrySet()) {
            resources.put("Forward" + Setup.logicalName(source.getKey()), resource("AWS::Events::Rule", map(
                    "Description", "Vigil: forwards " + source.getKey() + " calls to the central bus",
                    "EventPattern", EventPatterns.pattern(source.getKey(), source.getValue()),
                    "State", "ENABLED",
                    "Targets", List.of(map("Id", "vigil-central-bus", "Arn", ref("CentralEventBusArn"),
                            "RoleArn", getAtt("ForwardRole", "Arn"))))));
        }
        return map("AWSTemplateFormatVersion", "2010-09-09", "Description", header + " (member account forwarders)",
                "Parameters", Map.of("CentralEventBusArn", Map.of("Type", "String")), "Resources", resources);
    }

    private static Map<String, Object> resource(String type, Map<String, Object> properties) {
        return map("Type", type, "Properties", properties);
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    private static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }

    /** An ordered map from key, value pairs. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a YAML 1.1 reader would not take for a string: quoted. */
    private static final Pattern NOT_A_STRING_IN_YAML_1_1 = Pattern.compile(
            "(?i:y|yes|n|no|true|false|on|off|null|~)|[-+]?[0-9][0-9_.:eE+-]*|\\d{4}-\\d\\d?-\\d\\d?.*|");

    static String yaml(Object tree) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(200).build();
        StandardRepresenter representer = new StandardRepresenter(settings) {
            {
                representers.put(String.class, data -> {
                    String text = (String) data;
                    ScalarStyle style = text.contains("\n") ? ScalarStyle.LITERAL
                            : NOT_A_STRING_IN_YAML_1_1.matcher(text).matches() ? ScalarStyle.DOUBLE_QUOTED
                            : ScalarStyle.PLAIN;
                    return representScalar(Tag.STR, text, style);
                });
            }
        };
        return new Dump(settings, representer).dumpToString(tree);
    }
}
