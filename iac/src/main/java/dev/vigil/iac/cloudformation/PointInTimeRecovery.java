package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Value;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import java.util.regex.Pattern;

/** Reads an evaluated {@code PointInTimeRecoverySpecification} (of a table or of a global table replica). */
final class PointInTimeRecovery {

    private static final Pattern DAYS = Pattern.compile("\\d{1,4}");

    private PointInTimeRecovery() {
    }

    /**
     * Absent specification or flag: DISABLED, as AWS defaults. A value CloudFormation refuses (a specification
     * that is not a mapping, a flag that is not a boolean) is a failed read, so the rule says ERROR with the
     * problem, never a verdict.
     */
    static Value<PitrStatus> status(TemplateMapping mapping, Node specification) {
        Node enabled = TemplateMapping.field(specification, "PointInTimeRecoveryEnabled");
        if (specification != null && !(specification instanceof MapNode) && !(specification instanceof Unresolved)) {
            return Value.failed("PointInTimeRecoverySpecification " + mapping.template().asWritten(specification)
                    + " is not a mapping");
        }
        if (enabled == null) {
            return Value.known(PitrStatus.DISABLED);
        }
        if (enabled instanceof Unresolved unresolved) {
            return Value.unknown(unresolved.expression());
        }
        Boolean on = TemplateEvaluator.bool(enabled);
        if (on != null) {
            return Value.known(on ? PitrStatus.ENABLED : PitrStatus.DISABLED);
        }
        if (enabled instanceof Scalar scalar && scalar.symbolic()) {
            return Value.unknown(mapping.template().asWritten(enabled));
        }
        return Value.failed("PointInTimeRecoveryEnabled: " + mapping.template().asWritten(enabled)
                + " is not a boolean; CloudFormation accepts true or false");
    }

    /** {@code RecoveryPeriodInDays} when decided, else null. */
    static Integer recoveryPeriodDays(Node specification) {
        return TemplateMapping.field(specification, "RecoveryPeriodInDays") instanceof Scalar days
                && days.text() != null && !days.symbolic() && DAYS.matcher(days.text().strip()).matches()
                ? Integer.valueOf(days.text().strip()) : null;
    }
}
