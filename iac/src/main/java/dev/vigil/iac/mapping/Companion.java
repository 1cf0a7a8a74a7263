package dev.vigil.iac.mapping;

import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Terraform resource of another type that configures a resource by naming it (an {@code aws_backup_vault_policy}
 * names its vault in {@code backup_vault_name}): per-kind joins that CloudFormation, where a resource declares
 * everything it has, never needs.
 */
public final class Companion {

    private Companion() {
    }

    /**
     * The resource of {@code type} whose {@code reference} refers to one of {@code owner}'s {@code nameAttributes}
     * (directly, or through {@code count}/{@code for_each} to this instance) or is the owner's {@code name} as text.
     * When none does but one names something that cannot be decided (a variable without value, a data source, an
     * expression), or names text while the owner's name is an expression not decided before deployment, it may
     * configure the owner: unknown, naming it. An owner without a name gets one AWS or Terraform makes up on creation,
     * which no other resource can name as text.
     */
    public static Value<Optional<Declaration>> of(Declaration owner, Field name, Set<String> nameAttributes,
                                                  String type, Field reference) {
        List<Declaration> candidates = owner.declarations(type);
        if (candidates.isEmpty()) {
            return Value.known(Optional.empty());
        }
        Set<String> owners = owner.declarations(owner.type()).stream().map(Declaration::id).collect(Collectors.toSet());
        String ownerName = owner.decided(name);
        String nameExpression = ownerName == null && owner.target(name) instanceof Target.Undecided u
                ? u.expression() : null;
        String undecided = null;
        for (Declaration candidate : candidates) {
            String blocker = switch (candidate.target(reference)) {
                case Target.Attribute a when a.id().equals(owner.id()) && nameAttributes.contains(a.attribute()) -> null;
                case Target.Text t when t.value().equals(ownerName) -> null;
                case Target.Text t when nameExpression != null -> "\"" + t.value() + "\" (the name of " + owner.id()
                        + " is " + nameExpression + ")";
                case Target.Attribute a when !owners.contains(a.id()) -> a.id() + "." + a.attribute();
                case Target.Undecided u -> u.expression();
                case null, default -> "";
            };
            if (blocker == null) {
                return Value.known(Optional.of(candidate));
            }
            if (!blocker.isEmpty() && undecided == null) {
                undecided = candidate.id() + " names " + blocker;
            }
        }
        return undecided == null ? Value.known(Optional.empty()) : Value.unknown(undecided);
    }
}
