package dev.vigil.core.check;

import dev.vigil.core.model.Origin;

/**
 * A check's stable identity across runs, in Conformity's shape {@code ccc:ACCOUNT:RULE:SERVICE:REGION:RESOURCE},
 * so the store, the API and findings exported elsewhere (ASFF, OCSF) name the same check the same way.
 * RESOURCE is the resource's own ID (a table name, a DB instance identifier) rather than its ARN; a check
 * whose resource is not an ARN (a template address, a fault scope) uses it as reported. Template checks have
 * no account and region: they use {@code template} and the file.
 */
public final class CheckId {

    private CheckId() {
    }

    public static String of(Check check) {
        String resource = check.resource().startsWith("arn:") ? check.resourceName() : check.resource();
        return switch (check.origin()) {
            case Origin.Live live -> String.join(":", "ccc", live.account(), check.rule().id(), check.rule().service(),
                    live.region(), resource);
            case Origin.Template t -> String.join(":", "ccc", "template", check.rule().id(), check.rule().service(),
                    t.file(), resource);
        };
    }
}
