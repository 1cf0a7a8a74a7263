package dev.vigil.service;

import dev.vigil.aws.LiveScanner;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleConfig;
import dev.vigil.notify.ChannelConfig;
import dev.vigil.notify.ChannelFilter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code vigil.yaml}: every value checked where it is read, and a wrong one refused with one line naming
 * the file, the line and the key. Channels are created once through the factory, so a bad channel setting is
 * refused the same way.
 */
public final class ConfigLoader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    private static final Set<String> TOP = Set.of("accounts", "channels", "cluster", "delivery", "retryFailedAfter",
            "dashboardUrl");
    private static final Set<String> ACCOUNT = Set.of("id", "name", "profile", "roleArn", "externalId", "regions",
            "schedule", "endpointUrl", "rules");
    private static final Set<String> RULE = Set.of("enabled", "riskLevel", "settings", "exceptions");
    private static final Set<String> FILTER = Set.of("accounts", "riskLevels", "ruleIds", "regions", "categories",
            "compliances", "statuses");

    private final Catalog catalog;
    private final ChannelMaker channels;
    private final UnaryOperator<String> env;

    public ConfigLoader(Catalog catalog, ChannelMaker channels, UnaryOperator<String> env) {
        this.catalog = catalog;
        this.channels = channels;
        this.env = env;
    }

    public ServiceConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /**
     * The {@code rules:} section of a file that holds only that section — the same shape as an account's {@code rules:}
     * in the service's config — for one-off scans ({@code --rules-config FILE}).
     */
    public Map<String, RuleConfig> loadRules(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        YamlNode root = YamlNode.parse(file.toString(), text, env);
        return root == null ? Map.of() : rules(root.mapping(Set.of("rules")).get("rules"));
    }

    public ServiceConfig parse(String file, String text) {
        YamlNode root = YamlNode.parse(file, text, env);
        ServiceConfig defaults = ServiceConfig.empty();
        if (root == null) {
            return defaults;
        }
        Map<String, YamlNode> top = root.mapping(TOP);
        List<AccountConfig> accounts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode node : list(top.get("accounts"))) {
            AccountConfig account = account(node);
            if (!ids.add(account.id())) {
                throw node.fail("account " + account.id() + " is listed twice");
            }
            accounts.add(account);
        }
        List<ChannelConfig> channelConfigs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode node : list(top.get("channels"))) {
            ChannelConfig channel = channel(node);
            if (!names.add(channel.name())) {
                throw node.fail("channel name '" + channel.name() + "' is used twice");
            }
            channelConfigs.add(channel);
        }
        return new ServiceConfig(accounts, channelConfigs, cluster(top.get("cluster")), delivery(top.get("delivery")),
                top.containsKey("retryFailedAfter") ? duration(top.get("retryFailedAfter")) : defaults.retryFailedAfter(),
                top.containsKey("dashboardUrl") ? url(top.get("dashboardUrl")).toString() : null);
    }

    private AccountConfig account(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(ACCOUNT);
        YamlNode idNode = required(node, m, "id");
        String id = idNode.scalar();
        if (!ACCOUNT_ID.matcher(id).matches()) {
            throw idNode.fail("'" + id + "' is not an AWS account ID (12 digits; quote it in YAML)");
        }
        String roleArn = optional(m, "roleArn");
        if (roleArn != null && !ROLE_ARN.matcher(roleArn).matches()) {
            throw m.get("roleArn").fail("expected a role ARN like arn:aws:iam::123456789012:role/VigilReadOnly");
        }
        List<String> regions = m.containsKey("regions") ? m.get("regions").strings() : List.of();
        for (String region : regions) {
            try {
                LiveScanner.checkRegionName(region);
            } catch (IllegalArgumentException e) {
                throw m.get("regions").fail(e.getMessage());
            }
        }
        Duration schedule = m.containsKey("schedule") ? duration(m.get("schedule")) : ServiceConfig.DEFAULT_SCHEDULE;
        URI endpoint = m.containsKey("endpointUrl") ? url(m.get("endpointUrl")) : null;
        return new AccountConfig(id, optional(m, "name"), optional(m, "profile"), roleArn, optional(m, "externalId"),
                regions, schedule, endpoint, rules(m.get("rules")));
    }

    private Map<String, RuleConfig> rules(YamlNode node) {
        Map<String, RuleConfig> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, YamlNode> e : node.mapping().entrySet()) {
            YamlNode ruleNode = e.getValue();
            Map<String, YamlNode> m = ruleNode.mapping(RULE);
            Map<String, String> settings = new LinkedHashMap<>();
            if (m.containsKey("settings")) {
                m.get("settings").mapping().forEach((k, v) -> settings.put(k, v.scalar()));
            }
            RuleConfig config;
            try {
                config = new RuleConfig(!m.containsKey("enabled") || m.get("enabled").bool(),
                        m.containsKey("riskLevel") ? risk(m.get("riskLevel")) : null, settings, exceptions(m.get("exceptions")));
                catalog.configure(catalog.all(), Map.of(e.getKey(), config));
            } catch (IllegalArgumentException bad) {
                throw ruleNode.fail(bad.getMessage());
            }
            out.put(e.getKey(), config);
        }
        return out;
    }

    private static RuleConfig.Exceptions exceptions(YamlNode node) {
        if (node == null) {
            return RuleConfig.Exceptions.NONE;
        }
        Map<String, YamlNode> m = node.mapping(Set.of("resources", "tags"));
        return new RuleConfig.Exceptions(m.containsKey("resources") ? m.get("resources").strings() : List.of(),
                m.containsKey("tags") ? m.get("tags").strings() : List.of());
    }

    private ChannelConfig channel(YamlNode node) {
        Map<String, YamlNode> m = node.mapping();
        String name = required(node, m, "name").scalar();
        String type = required(node, m, "type").scalar();
        ChannelFilter filter = m.containsKey("filter") ? filter(m.get("filter")) : ChannelFilter.ALL;
        Map<String, Object> settings = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!Set.of("name", "type", "filter").contains(k)) {
                settings.put(k, v.plain());
            }
        });
        ChannelConfig config = new ChannelConfig(name, type, filter, settings);
        try {
            channels.create(config);
        } catch (IllegalArgumentException bad) {
            String message = bad.getMessage() == null ? "invalid" : bad.getMessage();
            String key = message.contains(":") ? message.substring(0, message.indexOf(':')) : null;
            YamlNode at = key != null && m.containsKey(key) ? m.get(key) : node;
            throw at.fail(key != null && m.containsKey(key) ? message.substring(key.length() + 1).strip() : message);
        }
        return config;
    }

    private static ChannelFilter filter(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(FILTER);
        Function<String, Set<String>> strings = k -> m.containsKey(k) ? Set.copyOf(m.get(k).strings()) : Set.of();
        Set<Risk> risks = new HashSet<>();
        if (m.containsKey("riskLevels")) {
            for (String r : m.get("riskLevels").strings()) {
                try {
                    risks.add(Risk.parse(r));
                } catch (IllegalArgumentException e) {
                    throw m.get("riskLevels").fail("unknown risk level '" + r + "' (LOW, MEDIUM, HIGH, VERY_HIGH, EXTREME)");
                }
            }
        }
        Set<Status> statuses = new HashSet<>();
        if (m.containsKey("statuses")) {
            for (String s : m.get("statuses").strings()) {
                try {
                    statuses.add(Status.valueOf(s.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw m.get("statuses").fail("unknown status '" + s + "' (SUCCESS, FAILURE, ERROR, UNKNOWN)");
                }
            }
        }
        return new ChannelFilter(strings.apply("accounts"), risks, strings.apply("ruleIds"), strings.apply("regions"),
                strings.apply("categories"), strings.apply("compliances"), statuses);
    }

    private static ServiceConfig.Cluster cluster(YamlNode node) {
        ServiceConfig.Cluster d = ServiceConfig.Cluster.DEFAULT;
        if (node == null) {
            return d;
        }
        Map<String, YamlNode> m = node.mapping(Set.of("node", "heartbeat", "missedHeartbeats", "threads",
                "pollingInterval", "planEvery", "shutdownWait"));
        return new ServiceConfig.Cluster(m.containsKey("node") ? m.get("node").scalar() : d.node(),
                m.containsKey("heartbeat") ? duration(m.get("heartbeat")) : d.heartbeat(),
                m.containsKey("missedHeartbeats") ? m.get("missedHeartbeats").integer(4) : d.missedHeartbeats(),
                m.containsKey("threads") ? m.get("threads").integer(1) : d.threads(),
                m.containsKey("pollingInterval") ? duration(m.get("pollingInterval")) : d.pollingInterval(),
                m.containsKey("planEvery") ? duration(m.get("planEvery")) : d.planEvery(),
                m.containsKey("shutdownWait") ? duration(m.get("shutdownWait")) : d.shutdownWait());
    }

    private static ServiceConfig.DeliveryPolicy delivery(YamlNode node) {
        ServiceConfig.DeliveryPolicy d = ServiceConfig.DeliveryPolicy.DEFAULT;
        if (node == null) {
            return d;
        }
        Map<String, YamlNode> m = node.mapping(Set.of("maxAttempts", "firstRetry"));
        return new ServiceConfig.DeliveryPolicy(m.containsKey("maxAttempts") ? m.get("maxAttempts").integer(1) : d.maxAttempts(),
                m.containsKey("firstRetry") ? duration(m.get("firstRetry")) : d.firstRetry());
    }

    /** {@code 500ms}, {@code 45s}, {@code 30m}, {@code 12h}, {@code 1d}. */
    static Duration duration(YamlNode node) {
        Matcher m = DURATION.matcher(node.scalar().strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw node.fail("expected a duration like 30s, 15m, 12h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static Risk risk(YamlNode node) {
        try {
            return Risk.parse(node.scalar());
        } catch (IllegalArgumentException e) {
            throw node.fail("unknown risk level '" + node.scalar() + "' (LOW, MEDIUM, HIGH, VERY_HIGH, EXTREME)");
        }
    }

    private static URI url(YamlNode node) {
        try {
            URI uri = new URI(node.scalar());
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw node.fail("expected an http(s) URL");
    }

    private static List<YamlNode> list(YamlNode node) {
        return node == null ? List.of() : node.sequence();
    }

    private static YamlNode required(YamlNode parent, Map<String, YamlNode> m, String key) {
        YamlNode node = m.get(key);
        if (node == null) {
            throw parent.fail("'" + key + "' is required");
        }
        return node;
    }

    private static String optional(Map<String, YamlNode> m, String key) {
        return m.containsKey(key) ? m.get(key).scalar() : null;
    }
}
