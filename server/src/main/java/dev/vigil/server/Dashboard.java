package dev.vigil.server;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.core.rule.Setting;
import dev.vigil.report.html.Articles;
import dev.vigil.report.html.Css;
import dev.vigil.report.remedy.Emitter;
import dev.vigil.server.view.AccountsView;
import dev.vigil.server.view.CheckRow;
import dev.vigil.server.view.CheckView;
import dev.vigil.server.view.ChecksView;
import dev.vigil.server.view.Frame;
import dev.vigil.server.view.Links;
import dev.vigil.server.view.Message;
import dev.vigil.server.view.RuleView;
import dev.vigil.server.view.RunView;
import dev.vigil.server.view.RunsView;
import dev.vigil.store.CheckQuery;
import dev.vigil.store.Checks;
import dev.vigil.store.Diff;
import dev.vigil.store.Run;
import dev.vigil.store.Runs;
import dev.vigil.store.StoredCheck;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dashboard: overview, checks (the API's filters), a check with its history, article, fix and suppression form,
 * runs and their diffs, accounts with "scan now", compliance per standard, and rule pages. Server-rendered; every
 * form that changes something posts the session's CSRF token (checked by {@link Auth}) and goes through the same
 * paths as the API.
 */
final class Dashboard {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> SORTING = Set.of("sort", "order");
    private static final int FAILING_LISTED = 100;

    private final Backend backend;
    private final Auth auth;
    private final Pages pages;

    Dashboard(Backend backend, Auth auth, Pages pages) {
        this.backend = backend;
        this.auth = auth;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/login", this::signInPage);
        routes.post("/login", this::signIn);
        routes.post("/logout", this::signOut);
        routes.get("/", this::overview);
        routes.get("/checks", this::checks);
        routes.get("/checks/<id>", this::check);
        routes.post("/suppress/<id>", this::suppress);
        routes.post("/unsuppress/<id>", this::unsuppress);
        routes.get("/runs", this::runs);
        routes.get("/runs/{id}", this::run);
        routes.get("/accounts", this::accounts);
        routes.post("/accounts/{id}/scan", this::scan);
        routes.get("/compliance", this::standards);
        routes.get("/compliance/{standard}", this::standard);
        routes.get("/rules/{id}", this::rule);
    }

    static void toSignIn(Context ctx, String next) {
        ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private void signInPage(Context ctx) {
        pages.render(ctx, "login.jte", new Message(new Frame("Sign in", "", null, false, null), 200, null,
                safeNext(ctx.queryParam("next"))));
    }

    private void signIn(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        try {
            auth.signIn(ctx, ctx.formParam("key"));
        } catch (ApiError e) {
            pages.render(ctx, e.status(), "login.jte", new Message(new Frame("Sign in", "", null, false, null),
                    e.status(), e.getMessage(), next));
            return;
        }
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        auth.signOut(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** Only a path of this site: never another host ({@code //evil}, {@code https://…}). */
    private static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
    }

    private Frame frame(Context ctx, String title, String section) {
        Caller caller = Caller.of(ctx);
        return new Frame(title, section, caller.keyName(), caller.readOnly(), caller.csrfToken());
    }

    private void overview(Context ctx) {
        int days = "90".equals(ctx.queryParam("days")) ? 90 : 30;
        pages.render(ctx, "overview.jte", Overviews.build(backend, frame(ctx, "Overview", "overview"), days));
    }

    private void checks(Context ctx) {
        CheckFilters.Selection selection = CheckFilters.parse(ctx.queryParamMap(), backend.catalog(), SORTING);
        String sortName = Optional.ofNullable(ctx.queryParam("sort")).orElse("id").toLowerCase(Locale.ROOT);
        CheckQuery.Sort sort = Arrays.stream(CheckQuery.Sort.values()).filter(s -> s.name().equalsIgnoreCase(sortName))
                .findFirst().orElseThrow(() -> ApiError.badRequest("sort: '" + sortName + "' is not a column; sort by "
                        + Arrays.stream(CheckQuery.Sort.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))));
        boolean descending = "desc".equalsIgnoreCase(ctx.queryParam("order"));
        Checks.Page page = backend.store().checks().page(selection.query().sortedBy(sort, descending),
                selection.offset(), selection.pageSize());
        Instant now = backend.now();
        List<CheckRow> rows = page.checks().stream().map(c -> row(c, now)).toList();
        String query = selection.filters().entrySet().stream()
                .map(e -> encode("filter[" + e.getKey() + "]") + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        ChecksView.Choices choices = new ChecksView.Choices(
                backend.store().runs().accounts(),
                backend.catalog().all().stream().map(r -> r.meta().id()).toList(),
                List.of(),
                Arrays.stream(Status.values()).map(Enum::name).toList(),
                Arrays.stream(Risk.values()).map(Enum::name).toList(),
                Arrays.stream(Category.values()).map(Category::slug).toList(),
                List.copyOf(backend.catalog().standards()));
        pages.render(ctx, "checks.jte", new ChecksView(frame(ctx, "Checks", "checks"), selection.filters(), rows,
                page.total(), selection.pageNumber(), selection.pageSize(), sort.name().toLowerCase(Locale.ROOT),
                descending, query, choices));
    }

    private void check(Context ctx) {
        StoredCheck check = find(ctx.pathParam("id"));
        Instant now = backend.now();
        Optional<RuleDefinition> rule = backend.catalog().rule(check.ruleId());
        List<CheckView.Change> history = backend.store().checks().history(check.id()).stream()
                .map(h -> new CheckView.Change(shown(h.at()), h.runId(), h.kind(), h.status().name(),
                        h.previous() == null ? "" : h.previous().name())).toList();
        List<CheckView.Audit> audit = backend.store().checks().audit(check.id()).stream()
                .map(a -> new CheckView.Audit(shown(a.at()), a.actor(), a.action(), a.note(), shown(a.until()))).toList();
        StoredCheck.Suppression s = check.suppression();
        pages.render(ctx, "check.jte", new CheckView(frame(ctx, check.ruleId() + " " + check.resourceName(), "checks"),
                row(check, now), check.resource().startsWith("arn:") ? check.resource() : "", shown(check.created()),
                shown(check.lastModified()), check.lastError() == null ? "" : check.lastError() + " ("
                + shown(check.lastErrorAt()) + ")", s == null ? "" : s.note(), s == null ? "" : s.by(),
                s == null ? "" : s.until() == null ? "no end" : shown(s.until()), ChecksApi.suppressible(check),
                history, audit, rule.map(r -> Articles.html(r.article(), 1).html()).orElse(""), fixes(check, rule)));
    }

    /** The check's fix in the three forms {@code vigil fix --emit} writes. */
    private static Map<String, String> fixes(StoredCheck check, Optional<RuleDefinition> rule) {
        Map<String, String> out = new LinkedHashMap<>();
        if (check.remedy() == null || rule.isEmpty() || !check.failing()) {
            return out;
        }
        Check failing = new Check(rule.get().meta(), Status.FAILURE, check.resource(), check.resourceName(),
                new Origin.Live(check.accountId(), check.region()), check.message(), check.remedy(), Map.of(), null);
        Map<Emitter, String> names = Map.of(Emitter.CLI, "AWS CLI", Emitter.CLOUDFORMATION, "CloudFormation",
                Emitter.TERRAFORM, "Terraform");
        for (Emitter emitter : Emitter.values()) {
            out.put(names.get(emitter), emitter.render(List.of(failing), BackupPlanDefaults.PLAN_NAME));
        }
        return out;
    }

    private void suppress(Context ctx) {
        StoredCheck check = find(ctx.pathParam("id"));
        Instant until = null;
        String date = ctx.formParam("until");
        if (date != null && !date.isBlank()) {
            try {
                until = LocalDate.parse(date.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("until: '" + date + "' is not a date (YYYY-MM-DD)");
            }
        }
        Suppressions.suppress(backend, check, note(ctx), until, Caller.of(ctx));
        ctx.redirect(Links.check(check.id()), HttpStatus.SEE_OTHER);
    }

    private void unsuppress(Context ctx) {
        StoredCheck check = find(ctx.pathParam("id"));
        Suppressions.unsuppress(backend, check, note(ctx), Caller.of(ctx));
        ctx.redirect(Links.check(check.id()), HttpStatus.SEE_OTHER);
    }

    private static String note(Context ctx) {
        String note = ctx.formParam("note");
        if (note == null || note.isBlank()) {
            throw ApiError.badRequest("a suppression and its lifting need a note saying why");
        }
        return note;
    }

    private void runs(Context ctx) {
        List<RunsView.RunRow> runs = backend.store().runs().list(null, 200).stream().map(Dashboard::runRow).toList();
        pages.render(ctx, "runs.jte", new RunsView(frame(ctx, "Runs", "runs"), runs));
    }

    private void run(Context ctx) {
        String id = ctx.pathParam("id");
        Diff diff = backend.store().runs().diff(id).orElseThrow(() -> ApiError.notFound("no run " + id));
        Run run = diff.run();
        Map<String, Integer> still = new LinkedHashMap<>();
        for (Risk risk : Risk.values()) {
            still.put(risk.name(), diff.stillFailing().getOrDefault(risk, 0));
        }
        pages.render(ctx, "run.jte", new RunView(frame(ctx, "Run " + run.id(), "runs"), runRow(run),
                run.jobs().stream().map(j -> new RunView.Job(j.region(), j.state().name(), j.node(), j.attempts(),
                        j.apiCalls(), j.checks(), j.errors(), j.newFailures(), j.resolved(), j.error())).toList(),
                diff.newFailures().stream().map(Dashboard::item).toList(),
                diff.resolved().stream().map(Dashboard::item).toList(), still,
                backend.store().deliveries().forRun(run.id()).stream().map(d -> new RunView.Message(d.channel(),
                        d.channelType(), d.state().name(), d.attempts().size(), d.attempts().isEmpty() ? ""
                        : Optional.ofNullable(d.attempts().getLast().error()).orElse(""))).toList()));
    }

    private void accounts(Context ctx) {
        String started = ctx.queryParam("started");
        String notice = started == null ? null : "joined".equals(ctx.queryParam("how"))
                ? "A run was already going; the scan joined run " + started + "."
                : "Started run " + started + ".";
        List<AccountsView.Row> rows = Accounts.all(backend).stream().map(a -> new AccountsView.Row(a.id(), a.name(),
                a.configured(), a.configured() && a.regions().isEmpty() ? "every enabled region"
                : String.join(", ", a.regions()), a.schedule() == null ? "" : human(a.schedule()),
                a.lastRun() == null ? null : a.lastRun().id(), a.lastRun() == null ? "" : a.lastRun().outcome().label(),
                a.lastRun() == null ? "" : shown(a.lastRun().started()), shown(a.nextRun()))).toList();
        pages.render(ctx, "accounts.jte", new AccountsView(frame(ctx, "Accounts", "accounts"), rows, notice));
    }

    private void scan(Context ctx) {
        Caller.of(ctx).mayWrite("start scans");
        String id = ctx.pathParam("id");
        Runs.Created run = Scans.start(backend, id);
        ctx.redirect("/accounts?started=" + encode(run.run().id()) + (run.created() ? "" : "&how=joined"),
                HttpStatus.SEE_OTHER);
    }

    private void standards(Context ctx) {
        pages.render(ctx, "compliance.jte", Overviews.build(backend, frame(ctx, "Compliance", "compliance"), 30));
    }

    private void standard(Context ctx) {
        String standard = ctx.pathParam("standard");
        if (backend.catalog().standard(standard).isEmpty()) {
            throw ApiError.notFound("no rule maps to the compliance standard '" + standard + "'");
        }
        var report = ComplianceReports.build(backend.store(), backend.catalog().catalog(), standard, FAILING_LISTED);
        pages.render(ctx, "standard.jte", new dev.vigil.server.view.StandardView(frame(ctx, report.standard() + " compliance", "compliance"),
                report));
    }

    private void rule(Context ctx) {
        String id = ctx.pathParam("id");
        RuleDefinition rule = backend.catalog().find(id).orElseThrow(() -> ApiError.notFound("no rule " + id));
        RuleMeta m = rule.meta();
        pages.render(ctx, "rule.jte", new RuleView(frame(ctx, m.id() + " " + m.title(), "rules"), m.id(), m.title(),
                m.risk().name(), riskClass(m.risk()), m.service(), m.categories().stream().map(Category::slug).toList(),
                m.compliances(), m.controls(), m.settings().stream().map(s -> s.name() + " = "
                + Setting.show(s.defaultValue()) + " (" + s.label() + ")").toList(), Articles.html(rule.article(), 1).html()));
    }

    private StoredCheck find(String id) {
        return backend.store().checks().get(id).orElseThrow(() -> ApiError.notFound("no check " + id));
    }

    private CheckRow row(StoredCheck c, Instant now) {
        return new CheckRow(c.id(), c.accountId(), c.ruleId(), backend.catalog().meta(c.ruleId()).map(RuleMeta::title)
                .orElse(c.ruleId()), c.region(), c.resourceName() == null ? c.resource() : c.resourceName(),
                c.status().name(), c.risk().name(), riskClass(c.risk()), c.message() == null ? "" : c.message(),
                shown(c.failureDiscovered()), c.suppressedAt(now), c.gone() != null);
    }

    private static RunsView.RunRow runRow(Run r) {
        return new RunsView.RunRow(r.id(), r.accountId(), r.accountName() == null ? "" : r.accountName(),
                r.trigger().label(), r.outcome().label(), shown(r.started()), shown(r.finished()), r.apiCalls(),
                r.jobs().stream().mapToInt(j -> j.newFailures()).sum(), r.jobs().stream().mapToInt(j -> j.resolved()).sum(),
                r.error() == null ? "" : r.error());
    }

    private static RunView.Item item(Diff.Item i) {
        return new RunView.Item(i.checkId(), i.ruleId(), i.risk().name(), riskClass(i.risk()), i.region(),
                i.resourceName() == null ? i.resource() : i.resourceName(), i.message() == null ? "" : i.message(),
                i.gone(), i.suppressed());
    }

    static String riskClass(Risk risk) {
        return Css.risk(risk);
    }

    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

    private static String human(java.time.Duration d) {
        return d.toDays() > 0 && d.toHoursPart() == 0 ? d.toDays() + "d"
                : d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
