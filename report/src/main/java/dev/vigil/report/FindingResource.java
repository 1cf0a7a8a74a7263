package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.model.Origin;

/**
 * What a finding format says a check is about: the resource (its ARN, or its address in a template) or, for a
 * fault that left a whole scope unscanned, the account.
 *
 * @param id        the ARN, the template address, or the scope a fault covers ({@code dynamodb:ListTables@ACCOUNT/REGION})
 * @param type      the resource's kind in ASFF and CloudFormation terms
 * @param partition the ARN partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}), or null for templates
 */
record FindingResource(String id, ResourceType type, String partition) {

    static FindingResource of(Check c) {
        return switch (c.origin()) {
            case Origin.Live live -> c.resource().startsWith("arn:")
                    ? new FindingResource(c.resource(), ResourceType.of(c.rule().resource(), c.resource()),
                            c.resource().split(":")[1])
                    : new FindingResource(c.resource(), ResourceType.ACCOUNT, partitionOf(live.region()));
            case Origin.Template t -> new FindingResource(c.resource(), ResourceType.of(c.rule().resource(),
                    c.resource()), null);
        };
    }

    boolean isScope() {
        return type == ResourceType.ACCOUNT;
    }

    /** The partition of a region name, by its prefix. */
    static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
