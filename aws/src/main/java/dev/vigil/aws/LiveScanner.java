package dev.vigil.aws;

import dev.vigil.aws.collect.CollectionException;
import dev.vigil.aws.collect.Collector;
import dev.vigil.aws.collect.CollectorCatalog;
import dev.vigil.aws.collect.Faults;
import dev.vigil.aws.collect.Reads;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Scans one account: finds its regions, collects in every region concurrently only what the selected
 * rules need, and evaluates the rules. Within a region the kinds rules check come first; the kinds they
 * merely read (e.g. backup selections for Backup-001) are fetched only where there is something to judge.
 */
public final class LiveScanner {

    /** Told when each region finishes, for progress on a terminal. */
    public interface Progress {
        void regionDone(String region, int done, int total, int resources);
    }

    private final AwsConnection connection;
    private String account;

    public LiveScanner(AwsConnection connection) {
        this.connection = connection;
    }

    /** The account the credentials belong to, from STS (asked once). */
    public String account() {
        if (account == null) {
            connection.options().regions().forEach(LiveScanner::checkRegionName);
            account = account(bootstrapRegion());
        }
        return account;
    }

    public ScanResult scan(List<RuleDefinition> rules, Progress progress) {
        String account = account();
        return Engine.evaluate(account, rules, collect(account, rules, progress));
    }

    /** Collects what the rules need in every region of the account, concurrently. */
    public Inventory collect(String account, List<RuleDefinition> rules, Progress progress) {
        Map<String, Map<Class<? extends Resource>, Set<String>>> everything = new LinkedHashMap<>();
        regions(bootstrapRegion()).forEach(region -> everything.put(region, Map.of()));
        return collect(account, everything, rules, progress);
    }

    /**
     * Collects again only the named resources (per region and kind) and what the rules read to judge them, and
     * evaluates the rules: the re-check after a fix, with as few calls as that takes.
     */
    public ScanResult recheck(String account, Map<String, Map<Class<? extends Resource>, Set<String>>> names,
                              List<RuleDefinition> rules) {
        return Engine.evaluate(account, rules, collect(account, names, rules, (r, d, t, n) -> { }));
    }

    /** Per region, concurrently; a kind with names is limited to them, a kind without is collected whole. */
    private Inventory collect(String account, Map<String, Map<Class<? extends Resource>, Set<String>>> regions,
                              List<RuleDefinition> rules, Progress progress) {
        Inventory inventory = new Inventory();
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            regions.forEach((region, names) -> pool.submit(() -> {
                RegionContext context = new RegionContext(connection, account, region);
                Inventory regional;
                try {
                    regional = scanRegion(context, names, rules);
                } catch (RuntimeException e) {   // a task's exception would otherwise vanish with its Future
                    regional = new Inventory();
                    regional.fault(new Fault(context.origin(), kinds(rules), "vigil:collect", Faults.describe(e)));
                }
                inventory.addAll(regional);
                progress.regionDone(region, done.incrementAndGet(), regions.size(), regional.size());
            }));
        }
        return inventory;
    }

    /**
     * Collects what the rules need in one region of an account, as a service job does for its (account, region);
     * the connection's pacing buckets are this job's.
     */
    public Inventory collectRegion(String account, String region, List<RuleDefinition> rules) {
        return collectRegion(account, region, rules, Map.of());
    }

    /**
     * As {@link #collectRegion(String, String, List)}, with the kinds in {@code names} limited to the named
     * resources (an event re-check): those kinds are read through {@link Collector#collect(RegionContext, Set,
     * Inventory)}; the kinds the rules only read to judge them are collected whole.
     */
    public Inventory collectRegion(String account, String region, List<RuleDefinition> rules,
                                   Map<Class<? extends Resource>, Set<String>> names) {
        checkRegionName(region);
        return scanRegion(new RegionContext(connection, account, region), names, rules);
    }

    /** The regions a scan covers: those in the options (checked), else every region enabled for the account. */
    public List<String> regions() {
        connection.options().regions().forEach(LiveScanner::checkRegionName);
        return regions(bootstrapRegion());
    }

    private static Inventory scanRegion(RegionContext region, Map<Class<? extends Resource>, Set<String>> names,
                                        List<RuleDefinition> rules) {
        RegionScan scan = new RegionScan(region, Reads.of(rules), groups(rules), new LinkedHashSet<>(), new Inventory());
        for (RuleDefinition rule : rules) {
            Class<? extends Resource> kind = rule.meta().resource();
            scan.collect(kind, names.get(kind));
        }
        for (RuleDefinition rule : rules) {
            RuleMeta meta = rule.meta();
            if (!scan.into().all(meta.resource()).isEmpty()) {
                meta.reads().forEach(kind -> scan.collect(kind, null));
            }
        }
        return scan.into();
    }

    /** Every kind the rules check or read. */
    static Set<Class<? extends Resource>> kinds(List<RuleDefinition> rules) {
        Set<Class<? extends Resource>> kinds = new LinkedHashSet<>();
        rules.forEach(r -> kinds.addAll(r.meta().reads()));
        return kinds;
    }

    /** The rule group of each kind, for --stats: the services of the rules that check or read it (e.g. DynamoDB). */
    static Map<Class<? extends Resource>, String> groups(List<RuleDefinition> rules) {
        Map<Class<? extends Resource>, Set<String>> services = new HashMap<>();
        rules.forEach(r -> r.meta().reads().forEach(kind ->
                services.computeIfAbsent(kind, k -> new TreeSet<>()).add(r.meta().service())));
        Map<Class<? extends Resource>, String> groups = new HashMap<>();
        services.forEach((kind, names) -> groups.put(kind, String.join("+", names)));
        return groups;
    }

    /**
     * One region's collection for the selected rules: what they read of each kind, the group its calls count for, and
     * the kinds collected so far (each once).
     */
    private record RegionScan(RegionContext region, Map<Class<? extends Resource>, Reads> reads,
                              Map<Class<? extends Resource>, String> groups, Set<Class<? extends Resource>> collected,
                              Inventory into) {

        /**
         * One kind, only the named resources of it when {@code names} is not null; any fault, expected or not, is a
         * fault of that kind in this region and never escapes.
         */
        void collect(Class<? extends Resource> kind, Set<String> names) {
            if (!collected.add(kind)) {
                return;
            }
            Collector collector = CollectorCatalog.forKind(kind);
            CallStats.forGroup(groups.getOrDefault(kind, CallStats.ACCOUNT), () -> {
                try {
                    if (names == null) {
                        collector.collect(region, reads.getOrDefault(kind, Reads.ALL), into);
                    } else {
                        collector.collect(region, names, reads.getOrDefault(kind, Reads.ALL), into);
                    }
                } catch (CollectionException e) {
                    into.fault(new Fault(region.origin(), Set.of(kind), e.operation(), e.getMessage()));
                } catch (RuntimeException e) {
                    into.fault(new Fault(region.origin(), Set.of(kind), collector.iamActions().getFirst(),
                            Faults.describe(e)));
                }
            });
        }
    }

    private static final java.util.regex.Pattern REGION_NAME =
            java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    /** Refuses a name that cannot be an AWS region, e.g. {@code mars}. */
    public static void checkRegionName(String region) {
        if (!REGION_NAME.matcher(region).matches()) {
            throw new IllegalArgumentException("'" + region + "' is not an AWS region name (like us-east-1)");
        }
    }

    private String bootstrapRegion() {
        return bootstrapRegion(connection.options());
    }

    /**
     * Where account-wide calls (STS, EC2 DescribeRegions, AssumeRole) go: the first region asked for, else
     * the SDK's configured region, else us-east-1.
     */
    static String bootstrapRegion(AwsOptions options) {
        if (!options.regions().isEmpty()) {
            return options.regions().getFirst();
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
        } catch (SdkException e) {
            return Region.US_EAST_1.id();
        }
    }

    private String account(String region) {
        try {
            return connection.client(StsClient::builder, region).getCallerIdentity().account();
        } catch (SdkException e) {
            throw new AwsAccessException(e);
        }
    }

    /**
     * The regions to scan: those asked for, each checked against the account's region list when it can be
     * read; otherwise every region enabled for the account.
     */
    private List<String> regions(String bootstrap) {
        List<String> asked = connection.options().regions();
        DescribeRegionsResponse all;
        try {
            all = connection.client(Ec2Client::builder, bootstrap)
                    .describeRegions(r -> r.allRegions(!asked.isEmpty()));
        } catch (SdkException e) {
            if (asked.isEmpty()) {
                throw new AwsAccessException(e);
            }
            return asked;
        }
        List<String> known = all.regions().stream().map(r -> r.regionName()).sorted().toList();
        if (asked.isEmpty()) {
            return known;
        }
        List<String> unknown = new ArrayList<>(asked);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown region " + String.join(", ", unknown)
                    + "; this account's regions are: " + String.join(", ", known));
        }
        return asked;
    }
}
