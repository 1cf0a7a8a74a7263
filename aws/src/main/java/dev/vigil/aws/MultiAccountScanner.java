package dev.vigil.aws;

import dev.vigil.aws.collect.Faults;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.RuleDefinition;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Scans many accounts: the organization's or those named, each through a role assumed from the
 * caller's credentials (the caller's own account uses them directly). A bounded number of accounts run
 * at once, each with all its regions concurrently; every account has its own pacing buckets, as AWS
 * counts limits per account. An account whose role cannot be assumed is an ERROR for that account.
 */
public final class MultiAccountScanner {

    /** Faults that concern a whole account are reported under this region. */
    public static final String ACCOUNT_SCOPE = "global";

    private final AwsConnection base;
    private final Accounts accounts;

    public MultiAccountScanner(AwsConnection base, Accounts accounts) {
        this.base = base;
        this.accounts = accounts;
    }

    public ScanResult scan(List<RuleDefinition> rules, LiveScanner.Progress progress) {
        String caller = new LiveScanner(base).account();
        List<String> targets = accounts.organization() ? organizationAccounts() : accounts.ids();
        Inventory all = new Inventory();
        Semaphore slots = new Semaphore(accounts.inFlight());
        AtomicInteger regionsDone = new AtomicInteger();
        AtomicInteger accountsDone = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String account : targets) {
                pool.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        all.addAll(scanAccount(account, caller, rules, (region, d, t, n) -> progress.regionDone(
                                account + "/" + region, regionsDone.incrementAndGet(), -1, n)));
                    } catch (RuntimeException e) {   // never lost with the task's Future
                        all.addAll(failed(account, rules, "vigil:collect", "cannot scan account " + account + ": "
                                + describe(e)));
                    } finally {
                        slots.release();
                        progress.regionDone(account, accountsDone.incrementAndGet(), targets.size(), 0);
                    }
                });
            }
        }
        return Engine.evaluate(caller, rules, all);
    }

    private Inventory scanAccount(String account, String caller, List<RuleDefinition> rules,
                                  LiveScanner.Progress progress) {
        if (account.equals(caller)) {
            return new LiveScanner(base).collect(account, rules, progress);
        }
        String roleArn = "arn:" + partition() + ":iam::" + account + ":role/" + accounts.roleName();
        StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(base.client(StsClient::builder, bootstrapRegion()))
                .refreshRequest(r -> {
                    r.roleArn(roleArn).roleSessionName("vigil-scan");
                    if (accounts.externalId() != null) {
                        r.externalId(accounts.externalId());
                    }
                })
                .build();
        try (AwsConnection connection = new AwsConnection(base.options().withCredentials(role), base.stats())) {
            role.resolveCredentials();
            return new LiveScanner(connection).collect(account, rules, progress);
        } catch (SdkException | AwsAccessException e) {
            return failed(account, rules, "sts:AssumeRole", "cannot scan account " + account + " through " + roleArn
                    + ": " + describe(e));
        } finally {
            role.close();
        }
    }

    /** An inventory that says this account could not be scanned, for every kind the rules need. */
    private static Inventory failed(String account, List<RuleDefinition> rules, String operation, String message) {
        Inventory failed = new Inventory();
        failed.fault(new Fault(new Origin.Live(account, ACCOUNT_SCOPE), LiveScanner.kinds(rules), operation, message));
        return failed;
    }

    private static String describe(RuntimeException e) {
        return e instanceof AwsAccessException ? e.getMessage() : Faults.describe(e);
    }

    private List<String> organizationAccounts() {
        try {
            return base.client(OrganizationsClient::builder, Region.AWS_GLOBAL.id()).listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream())
                    .filter(a -> a.status() == AccountStatus.ACTIVE)
                    .map(a -> a.id()).sorted().toList();
        } catch (SdkException e) {
            throw new AwsAccessException("cannot list the organization's accounts: " + Faults.describe(e)
                    + " (run from the management account or a delegated administrator, or name accounts with --account)",
                    e);
        }
    }

    private String bootstrapRegion() {
        return LiveScanner.bootstrapRegion(base.options());
    }

    private String partition() {
        return RegionContext.partitionOf(bootstrapRegion());
    }
}
