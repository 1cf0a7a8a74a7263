package dev.vigil.realtime.setup;

import dev.vigil.core.rule.RuleDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code vigil realtime setup}: what delivers CloudTrail's events to Vigil, as CloudFormation or Terraform.
 * <ul>
 *   <li>one account: in each region it is deployed to, an EventBridge rule per event source on the default bus,
 *       whose pattern lists exactly the event names the selected rules' kinds are re-checked after, sending to an
 *       SQS queue (encrypted, with a dead-letter queue after 5 receives) that only those rules may send to;</li>
 *   <li>an organization: in the monitoring account, a central event bus that the organization's accounts
 *       (aws:PrincipalOrgID) may put events on, the same rules on it and the same queue; and, as a StackSet for the
 *       member accounts and regions, the rules that forward those events from each member's default bus to the
 *       central bus.</li>
 * </ul>
 * EventBridge sees CloudTrail's management events only where a trail records them.
 */
public final class Setup {

    /** Queue settings: Vigil extends a message's visibility while it works on it. */
    static final int VISIBILITY_SECONDS = 60;
    static final int RETENTION_SECONDS = 4 * 24 * 3600;
    static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;
    static final int MAX_RECEIVE_COUNT = 5;

    public enum Format { CLOUDFORMATION, TERRAFORM }

    private Setup() {
    }

    /** The template for the rules' kinds, for one account or (with {@code organization}) an organization. */
    public static String emit(Format format, boolean organization, List<RuleDefinition> rules) {
        Map<String, Set<String>> events = EventPatterns.events(rules);
        String header = "Vigil real-time re-checks of "
                + rules.stream().map(r -> r.meta().id()).sorted().collect(Collectors.joining(", "))
                + ": the CloudTrail events after which they re-read what changed";
        return switch (format) {
            case CLOUDFORMATION -> CloudFormationSetup.emit(header, events, organization);
            case TERRAFORM -> TerraformSetup.emit(header, events, organization);
        };
    }

    /** A resource-name-safe, capitalised service name: {@code dynamodb} → {@code Dynamodb}. */
    static String logicalName(String source) {
        String service = EventPatterns.service(source).replaceAll("[^A-Za-z0-9]", "");
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }
}
