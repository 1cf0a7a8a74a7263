package dev.vigil.aws;

import dev.vigil.aws.collect.Faults;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * A connection to one account as a configured account describes it: the options' credentials (the caller's or a
 * profile), or a role assumed with them, with an optional external ID. Calls count into {@code stats}.
 */
public final class AccountConnection implements AutoCloseable {

    private final AwsConnection base;
    private final StsAssumeRoleCredentialsProvider role;
    private final AwsConnection connection;

    private AccountConnection(AwsConnection base, StsAssumeRoleCredentialsProvider role, AwsConnection connection) {
        this.base = base;
        this.role = role;
        this.connection = connection;
    }

    /**
     * Connects; with a role, assumes it now (from {@code region}'s STS endpoint), so that a role that cannot be
     * assumed is an {@link AwsAccessException} naming the role before anything is collected.
     */
    public static AccountConnection open(AwsOptions options, String roleArn, String externalId, String region,
                                         CallStats stats) {
        if (roleArn == null) {
            return new AccountConnection(null, null, new AwsConnection(options, stats));
        }
        AwsConnection base = new AwsConnection(options, stats);
        StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(base.client(StsClient::builder, region))
                .refreshRequest(r -> {
                    r.roleArn(roleArn).roleSessionName("vigil-scan");
                    if (externalId != null) {
                        r.externalId(externalId);
                    }
                })
                .build();
        AccountConnection opened = new AccountConnection(base, role,
                new AwsConnection(options.withCredentials(role), stats));
        try {
            role.resolveCredentials();
        } catch (SdkException e) {
            opened.close();
            throw new AwsAccessException("cannot assume " + roleArn + ": " + Faults.describe(e), e);
        }
        return opened;
    }

    public AwsConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
        if (role != null) {
            role.close();
            base.close();
        }
    }
}
