package dev.vigil.aws;

import java.util.List;

/**
 * Which accounts a scan covers beyond the credentials' own.
 *
 * @param organization every active account of the AWS Organization (from the management or a delegated account)
 * @param ids          these accounts
 * @param roleName     the role assumed in each account
 * @param externalId   the external ID the role's trust policy demands, or null
 * @param inFlight     accounts scanned at once
 */
public record Accounts(boolean organization, List<String> ids, String roleName, String externalId, int inFlight) {

    /** The role name documented in the README; a read-only role the user deploys to every account. */
    public static final String DEFAULT_ROLE = "VigilReadOnly";

    public Accounts {
        ids = List.copyOf(ids);
        if (inFlight < 1) {
            throw new IllegalArgumentException("accounts in flight must be at least 1");
        }
    }

    public boolean any() {
        return organization || !ids.isEmpty();
    }
}
