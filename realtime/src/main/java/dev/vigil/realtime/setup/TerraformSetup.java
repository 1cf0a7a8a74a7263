package dev.vigil.realtime.setup;

import static dev.vigil.realtime.setup.CloudFormationSetup.map;
import static dev.vigil.realtime.setup.Hcl.expr;
import static dev.vigil.realtime.setup.Hcl.jsonencode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The setup as a Terraform configuration (AWS provider), the member forwarders as a CloudFormation StackSet. */
final class TerraformSetup {

    private TerraformSetup() {
    }

    static String emit(String header, Map<String, Set<String>> events, boolean organization) {
        List<Hcl.Block> blocks = new ArrayList<>();
        blocks.add(variable("queue_name", "string", "vigil-events", "The queue's name; the dead-letter queue adds -dlq"));
        String bus = null;
        if (organization) {
            blocks.add(variable("organization_id", "string", null, "The organization whose accounts may put events on "
                    + "the central bus (o-...)"));
            blocks.add(variable("organizational_unit_ids", "list(string)", null, "The OUs (or the root, r-...) whose "
                    + "accounts forward their events (a StackSet does not target the management account)"));
            blocks.add(variable("regions", "list(string)", null, "The regions whose events are forwarded"));
            blocks.add(variable("event_bus_name", "string", "vigil-events", "The central event bus"));
            blocks.add(resource("aws_cloudwatch_event_bus", "central", map("name", expr("var.event_bus_name"))));
            blocks.add(resource("aws_cloudwatch_event_bus_policy", "central", map(
                    "event_bus_name", expr("aws_cloudwatch_event_bus.central.name"),
                    "policy", jsonencode(map("Version", "2012-10-17", "Statement", List.of(map(
                            "Sid", "VigilOrganizationForwardsEvents", "Effect", "Allow", "Principal", "*",
                            "Action", "events:PutEvents", "Resource", expr("aws_cloudwatch_event_bus.central.arn"),
                            "Condition", map("StringEquals", map("aws:PrincipalOrgID", expr("var.organization_id"))))))))));
            bus = "aws_cloudwatch_event_bus.central.name";
        }
        blocks.add(resource("aws_sqs_queue", "dead_letter", map("name", expr("\"${var.queue_name}-dlq\""),
                "message_retention_seconds", Setup.DEAD_LETTER_RETENTION_SECONDS, "sqs_managed_sse_enabled", true)));
        blocks.add(resource("aws_sqs_queue", "events", map("name", expr("var.queue_name"),
                "visibility_timeout_seconds", Setup.VISIBILITY_SECONDS,
                "message_retention_seconds", Setup.RETENTION_SECONDS, "sqs_managed_sse_enabled", true,
                "redrive_policy", jsonencode(map("deadLetterTargetArn", expr("aws_sqs_queue.dead_letter.arn"),
                        "maxReceiveCount", Setup.MAX_RECEIVE_COUNT)))));
        List<Object> ruleArns = new ArrayList<>();
        for (Map.Entry<String, Set<String>> source : events.entrySet()) {
            String name = EventPatterns.service(source.getKey()).replaceAll("[^a-z0-9]", "_");
            Map<String, Object> rule = map("name", "vigil-" + name, "description", "Vigil: " + source.getKey()
                    + " calls after which rules re-check what changed");
            if (bus != null) {
                rule.put("event_bus_name", expr(bus));
            }
            rule.put("event_pattern", jsonencode(EventPatterns.pattern(source.getKey(), source.getValue())));
            blocks.add(resource("aws_cloudwatch_event_rule", name, rule));
            Map<String, Object> target = map("rule", expr("aws_cloudwatch_event_rule." + name + ".name"));
            if (bus != null) {
                target.put("event_bus_name", expr(bus));
            }
            target.put("target_id", "vigil-queue");
            target.put("arn", expr("aws_sqs_queue.events.arn"));
            blocks.add(resource("aws_cloudwatch_event_target", name, target));
            ruleArns.add(expr("aws_cloudwatch_event_rule." + name + ".arn"));
        }
        blocks.add(resource("aws_sqs_queue_policy", "events", map("queue_url", expr("aws_sqs_queue.events.id"),
                "policy", jsonencode(map("Version", "2012-10-17", "Statement", List.of(map(
                        "Sid", "VigilRulesSendEvents", "Effect", "Allow",
                        "Principal", map("Service", "events.amazonaws.com"), "Action", "sqs:SendMessage",
                        "Resource", expr("aws_sqs_queue.events.arn"),
                        "Condition", map("ArnEquals", map("aws:SourceArn", ruleArns)))))))));
        if (organization) {
            blocks.add(resource("aws_cloudformation_stack_set", "forwarders", map(
                    "name", "vigil-realtime-forwarders",
                    "description", "Vigil: forwards the member accounts' events to the central bus",
                    "permission_model", "SERVICE_MANAGED",
                    "capabilities", List.of("CAPABILITY_IAM"),
                    "auto_deployment", new Hcl.Block("auto_deployment", List.of(), map("enabled", true,
                            "retain_stacks_on_account_removal", false)),
                    "parameters", map("CentralEventBusArn", expr("aws_cloudwatch_event_bus.central.arn")),
                    "template_body", jsonencode(CloudFormationSetup.member(header, events)))));
            blocks.add(resource("aws_cloudformation_stack_set_instance", "forwarders", map(
                    "for_each", expr("toset(var.regions)"),
                    "stack_set_name", expr("aws_cloudformation_stack_set.forwarders.name"),
                    "region", expr("each.value"),
                    "deployment_targets", new Hcl.Block("deployment_targets", List.of(),
                            map("organizational_unit_ids", expr("var.organizational_unit_ids"))))));
        }
        blocks.add(new Hcl.Block("output", List.of("queue_url"), map("description",
                "realtime.queues[].url in vigil.yaml", "value", expr("aws_sqs_queue.events.url"))));
        blocks.add(new Hcl.Block("output", List.of("dead_letter_queue_url"),
                map("value", expr("aws_sqs_queue.dead_letter.url"))));

        StringBuilder out = new StringBuilder("# ").append(header).append('\n')
                .append(organization ? "# Organization: apply in the monitoring account (the management account or a "
                        + "delegated administrator),\n# in the region of the queue; the StackSet forwards the member "
                        + "accounts' events to the central bus.\n"
                        : "# One account: apply in each region whose events Vigil re-checks (a queue per region).\n")
                .append("# EventBridge sees CloudTrail's management events only where a trail records them.\n");
        blocks.forEach(b -> out.append('\n').append(b.render(0)));
        return out.toString();
    }

    private static Hcl.Block variable(String name, String type, String defaultValue, String description) {
        Map<String, Object> arguments = map("type", expr(type), "description", description);
        if (defaultValue != null) {
            arguments.put("default", defaultValue);
        }
        return new Hcl.Block("variable", List.of(name), arguments);
    }

    private static Hcl.Block resource(String type, String name, Map<String, Object> arguments) {
        return new Hcl.Block("resource", List.of(type, name), arguments);
    }
}
