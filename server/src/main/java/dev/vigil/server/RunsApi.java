package dev.vigil.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.rule.Risk;
import dev.vigil.notify.ChannelConfig;
import dev.vigil.notify.ChannelFilter;
import dev.vigil.store.Delivery;
import dev.vigil.store.Diff;
import dev.vigil.store.Run;
import dev.vigil.store.RunRegion;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/runs}, a run with its jobs and deliveries, its diff (new failures, resolved, still failing per risk), and
 * {@code /v1/channels}: names, types and filters, never a URL, token or password.
 */
final class RunsApi {

    private static final int MAX_RUNS = 1000;

    private final Backend backend;

    RunsApi(Backend backend) {
        this.backend = backend;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/runs", this::list);
        routes.get("/v1/runs/{id}", this::get);
        routes.get("/v1/runs/{id}/diff", this::diff);
        routes.get("/v1/channels", this::channels);
    }

    /** Newest first; {@code filter[accountIds]} and {@code page[size]} (at most 1000, default 100). */
    private void list(Context ctx) {
        List<String> accounts = new ArrayList<>();
        int size = CheckFilters.DEFAULT_PAGE_SIZE;
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            switch (param.getKey()) {
                case "filter[accountIds]" -> param.getValue().forEach(v -> accounts.addAll(List.of(v.split(","))));
                case "page[size]" -> size = CheckFilters.integer(param.getKey(), param.getValue(), 1, MAX_RUNS);
                default -> throw ApiError.badRequest("unknown query parameter '" + param.getKey()
                        + "'; runs are selected with filter[accountIds] and page[size]");
            }
        }
        List<Run> runs = new ArrayList<>();
        if (accounts.isEmpty()) {
            runs.addAll(backend.store().runs().list(null, size));
        } else {
            for (String account : accounts) {
                runs.addAll(backend.store().runs().list(account.trim(), size));
            }
            runs.sort(Comparator.comparing(Run::started).thenComparing(Run::id).reversed());
        }
        ObjectNode document = JsonApi.document();
        ArrayNode data = document.putArray("data");
        runs.stream().limit(size).forEach(r -> data.add(json(r, false)));
        JsonApi.send(ctx, document);
    }

    private void get(Context ctx) {
        Run run = find(ctx.pathParam("id"));
        ObjectNode document = JsonApi.document();
        ObjectNode resource = json(run, true);
        ArrayNode deliveries = JsonApi.attributes(resource).putArray("deliveries");
        for (Delivery d : backend.store().deliveries().forRun(run.id())) {
            ObjectNode delivery = deliveries.addObject();
            delivery.put("channel", d.channel());
            delivery.put("type", d.channelType());
            delivery.put("state", d.state().name());
            ArrayNode attempts = delivery.putArray("attempts");
            for (Delivery.Attempt attempt : d.attempts()) {
                ObjectNode a = attempts.addObject();
                JsonApi.date(a, "date", attempt.at());
                a.put("node", attempt.node());
                a.put("outcome", attempt.outcome().name());
                a.put("error", attempt.error());
            }
        }
        document.set("data", resource);
        JsonApi.send(ctx, document);
    }

    private void diff(Context ctx) {
        String id = ctx.pathParam("id");
        Diff diff = backend.store().runs().diff(id).orElseThrow(() -> ApiError.notFound("no run " + id));
        ObjectNode resource = JsonApi.resource("diffs", id);
        ObjectNode a = JsonApi.attributes(resource);
        items(a.putArray("new-failures"), diff.newFailures());
        items(a.putArray("resolved"), diff.resolved());
        risks(a.putObject("still-failing"), diff.stillFailing());
        JsonApi.relate(resource, "run", "runs", id);
        ObjectNode document = JsonApi.document();
        document.set("data", resource);
        JsonApi.send(ctx, document);
    }

    private void channels(Context ctx) {
        ObjectNode document = JsonApi.document();
        ArrayNode data = document.putArray("data");
        for (ChannelConfig channel : backend.service().config().channels()) {
            ObjectNode resource = JsonApi.resource("channels", channel.name());
            ObjectNode a = JsonApi.attributes(resource);
            a.put("name", channel.name());
            a.put("type", channel.type());
            ObjectNode filter = a.putObject("filter");
            ChannelFilter f = channel.filter();
            JsonApi.strings(filter, "accounts", sorted(f.accounts()));
            JsonApi.strings(filter, "riskLevels", f.riskLevels().stream().sorted().map(Risk::name).toList());
            JsonApi.strings(filter, "ruleIds", sorted(f.ruleIds()));
            JsonApi.strings(filter, "regions", sorted(f.regions()));
            JsonApi.strings(filter, "categories", sorted(f.categories()));
            JsonApi.strings(filter, "compliances", sorted(f.compliances()));
            JsonApi.strings(filter, "statuses", f.statuses().stream().sorted().map(Enum::name).toList());
            data.add(resource);
        }
        JsonApi.send(ctx, document);
    }

    private Run find(String id) {
        return backend.store().runs().get(id).orElseThrow(() -> ApiError.notFound("no run " + id));
    }

    static ObjectNode json(Run run, boolean jobs) {
        ObjectNode resource = JsonApi.resource("runs", run.id());
        ObjectNode a = JsonApi.attributes(resource);
        a.put("account-name", run.accountName());
        a.put("trigger", run.trigger().label());
        a.put("outcome", run.outcome().label());
        JsonApi.strings(a, "regions", run.regions());
        JsonApi.strings(a, "rules", run.rules());
        JsonApi.date(a, "started-date", run.started());
        JsonApi.date(a, "finished-date", run.finished());
        a.put("api-calls", run.apiCalls());
        a.put("error", run.error());
        if (jobs) {
            ArrayNode array = a.putArray("jobs");
            for (RunRegion job : run.jobs()) {
                ObjectNode j = array.addObject();
                j.put("region", job.region());
                j.put("state", job.state().name());
                j.put("node", job.node());
                JsonApi.date(j, "started-date", job.started());
                JsonApi.date(j, "finished-date", job.finished());
                j.put("attempts", job.attempts());
                j.put("api-calls", job.apiCalls());
                j.put("checks", job.checks());
                j.put("errors", job.errors());
                j.put("new-failures", job.newFailures());
                j.put("resolved", job.resolved());
                risks(j.putObject("still-failing"), job.stillFailing());
                j.put("error", job.error());
            }
        }
        JsonApi.relate(resource, "account", "accounts", run.accountId());
        return resource;
    }

    private static void items(ArrayNode array, List<Diff.Item> items) {
        for (Diff.Item item : items) {
            ObjectNode i = array.addObject();
            i.put("check-id", item.checkId());
            i.put("rule-id", item.ruleId());
            i.put("risk-level", item.risk().name());
            i.put("region", item.region());
            i.put("resource", item.resource());
            i.put("resourceName", item.resourceName());
            i.put("message", item.message());
            i.put("status", item.status().name());
            i.put("gone", item.gone());
            i.put("suppressed", item.suppressed());
        }
    }

    private static void risks(ObjectNode node, Map<Risk, Integer> counts) {
        for (Risk risk : Risk.values()) {
            node.put(risk.name(), counts.getOrDefault(risk, 0));
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
