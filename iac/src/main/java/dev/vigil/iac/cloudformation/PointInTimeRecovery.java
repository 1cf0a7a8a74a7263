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

    /** Absent specification or flag: DISABLED, as AWS defaults. */
    static Value<PitrStatus> status(TemplateMapping mapping, Node specification) {
        Node enabled = TemplateMapping.field(specification, "PointInTimeRecoveryEnabled");
        if (specification != null && !(specification instanceof MapNode) && !(specification instanceof Unresolved)) {
            return Value.unknown(mapping.template().asWritten(specification));
        }
        if (enabled == null) {
            return Value.known(PitrStatus.DISABLED);
        }
        if (enabled instanceof Unresolved unresolved) {
            return Value.unknown(unresolved.expression());
        }
        Boolean on = TemplateEvaluator.bool(enabled);
        if (on == null) {
            return Value.unknown(mapping.template().asWritten(enabled));
        }
        return Value.known(on ? PitrStatus.ENABLED : PitrStatus.DISABLED);
    }

    /** {@code RecoveryPeriodInDays} when decided, else null. */
    static Integer recoveryPeriodDays(Node specification) {
        return TemplateMapping.field(specification, "RecoveryPeriodInDays") instanceof Scalar days
                && days.text() != null && !days.symbolic() && DAYS.matcher(days.text().strip()).matches()
                ? Integer.valueOf(days.text().strip()) : null;
    }
}
