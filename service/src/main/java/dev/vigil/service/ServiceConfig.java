package dev.vigil.service;

import dev.vigil.notify.ChannelConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code vigil serve} runs: the accounts and their schedules, the channels, and how the node takes part in
 * the cluster. Without a config file: no accounts, no channels, defaults.
 *
 * @param retryFailedAfter how long after a failed run its account is tried again (instead of its next schedule)
 * @param dashboardUrl     the dashboard's base URL for digests, or null
 */
public record ServiceConfig(List<AccountConfig> accounts, List<ChannelConfig> channels, Cluster cluster,
                            DeliveryPolicy delivery, Duration retryFailedAfter, String dashboardUrl) {

    public static final Duration DEFAULT_SCHEDULE = Duration.ofHours(12);

    public ServiceConfig {
        accounts = List.copyOf(accounts);
        channels = List.copyOf(channels);
    }

    public static ServiceConfig empty() {
        return new ServiceConfig(List.of(), List.of(), Cluster.DEFAULT, DeliveryPolicy.DEFAULT, Duration.ofMinutes(5),
                null);
    }

    public Optional<AccountConfig> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * The node's part in the cluster (db-scheduler's settings).
     *
     * @param node             this node's name in the scheduler's table (default: host name and process ID)
     * @param heartbeat        how often a node says it is still running a job
     * @param missedHeartbeats after how many missed heartbeats another node takes the job over
     * @param threads          jobs run at once on this node
     * @param pollingInterval  how often the node looks for due jobs
     * @param planEvery        how often the due runs are planned
     * @param shutdownWait     how long a stopping node lets running jobs finish
     */
    public record Cluster(String node, Duration heartbeat, int missedHeartbeats, int threads, Duration pollingInterval,
                          Duration planEvery, Duration shutdownWait) {

        public static final Cluster DEFAULT = new Cluster(null, Duration.ofSeconds(30), 4, 8, Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofSeconds(30));
    }

    /** How a failed delivery is retried: exponential backoff from {@code firstRetry}, at most {@code maxAttempts}. */
    public record DeliveryPolicy(int maxAttempts, Duration firstRetry) {

        public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(8, Duration.ofSeconds(30));
    }
}
