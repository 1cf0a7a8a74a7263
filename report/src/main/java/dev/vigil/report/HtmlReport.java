package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Note;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.report.html.Articles;
import dev.vigil.report.html.Charts;
import dev.vigil.report.html.Css;
import dev.vigil.report.html.HtmlWriter;
import dev.vigil.report.html.Page;
import dev.vigil.report.remedy.Emitter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML page (see {@link Page}): a summary by risk and category, the failing checks grouped by
 * rule with the rule's article and the fix as AWS CLI, CloudFormation and Terraform, the checks Vigil could not
 * decide, the suppressed checks apart, and the rules without failures. Written as the checks come, one rule at a
 * time: sections are written in the order the rules run and placed on the page by CSS {@code order}, so the
 * summary, known only at the end, is written last and shown first. Memory holds one rule's checks.
 */
final class HtmlReport implements Report {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Where each kind of section sits on the page. */
    private enum Place {
        HEADER, SUMMARY, FAILING_HEADING, FAILING, UNDECIDED_HEADING, UNDECIDED, SUPPRESSED_HEADING, SUPPRESSED,
        PASSING_HEADING, PASSING, NOTES;

        String css() {
            return Css.order(ordinal());
        }
    }

    private final ReportedRules rules;
    private final Instant time;

    HtmlReport(ReportOptions options) {
        this.rules = new ReportedRules(options.rules(), List.of());
        this.time = options.time();
    }

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            new PageWriter(new HtmlWriter(writer), result).write();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    /** The state of one page as it is written. */
    private final class PageWriter {

        private final HtmlWriter html;
        private final ScanResult result;
        private final Summary.Tally tally = new Summary.Tally();
        private final Set<String> seen = new LinkedHashSet<>();
        /** Rule → passing checks, for rules that neither failed nor left anything undecided. */
        private final Map<RuleMeta, Integer> passing = new LinkedHashMap<>();
        private int failingRules;
        private int undecided;
        private int suppressed;

        PageWriter(HtmlWriter html, ScanResult result) {
            this.html = html;
            this.result = result;
        }

        void write() {
            String subject = result.account() == null ? "templates" : "account " + result.account();
            Page.start(html, "Vigil report — " + subject);
            html.open("main", "class", "report").newline();
            html.open("header", "class", Place.HEADER.css());
            html.element("h1", "Vigil report");
            html.element("p", subject.substring(0, 1).toUpperCase(Locale.ROOT) + subject.substring(1) + " · "
                    + WHEN.format(time) + " · " + Product.NAME + " " + Product.VERSION, "class", "meta");
            html.close("header").newline();
            List<Check> rule = new ArrayList<>();
            for (Iterator<Check> checks = result.checks().iterator(); checks.hasNext(); ) {
                Check c = checks.next();
                tally.accept(c);
                if (!rule.isEmpty() && !rule.getFirst().rule().id().equals(c.rule().id())) {
                    writeRule(rule);
                    rule = new ArrayList<>();   // the written rule's checks go before the next rule's are read
                }
                rule.add(c);
            }
            if (!rule.isEmpty()) {
                writeRule(rule);
            }
            writeNotes(result.notes(), result.faults());
            writeHeadings(tally.summary());
            writeSummary(tally.summary());
            html.close("main").newline();
            Page.end(html);
        }

        private void writeRule(List<Check> checks) {
            RuleMeta rule = checks.getFirst().rule();
            seen.add(rule.id());
            List<Check> failing = new ArrayList<>();
            List<Check> open = new ArrayList<>();
            List<Check> skipped = new ArrayList<>();
            int passed = 0;
            for (Check c : checks) {
                if (c.suppression() != null) {
                    skipped.add(c);
                } else if (c.status() == Status.FAILURE) {
                    failing.add(c);
                } else if (c.status() == Status.SUCCESS) {
                    passed++;
                } else {
                    open.add(c);
                }
            }
            if (!failing.isEmpty()) {
                failingRules++;
                html.open("section", "class", "rule " + Place.FAILING.css(), "id", "rule-" + rule.id());
                writeRuleHeader(rule, failing.size() + " of " + checks.size() + " checks failed · " + passed + " passed");
                writeChecks(failing, false);
                writeArticle(rule);
                writeFix(rule, failing);
                html.close("section").newline();
            }
            if (!open.isEmpty()) {
                undecided += open.size();
                html.open("section", "class", "rule " + Place.UNDECIDED.css());
                writeRuleHeader(rule, open.size() + " not decided");
                writeChecks(open, true);
                html.close("section").newline();
            }
            if (!skipped.isEmpty()) {
                suppressed += skipped.size();
                html.open("section", "class", "rule " + Place.SUPPRESSED.css());
                writeRuleHeader(rule, skipped.size() + " suppressed");
                writeChecks(skipped, true);
                html.close("section").newline();
            }
            if (failing.isEmpty() && open.isEmpty()) {
                passing.merge(rule, passed, Integer::sum);
            }
        }

        private void writeRuleHeader(RuleMeta rule, String counts) {
            html.open("h3").text(rule.id() + " " + rule.title() + " ");
            html.element("span", rule.risk().name().replace('_', ' '), "class", "badge " + Css.risk(rule.risk()));
            html.close("h3");
            html.open("p", "class", "meta").text(counts + " · " + rule.service() + " ");
            for (Category c : rule.categories()) {
                html.element("span", c.slug(), "class", "tag");
            }
            for (String standard : rule.compliances()) {
                html.element("span", standard, "class", "tag");
            }
            html.close("p");
        }

        private void writeChecks(List<Check> checks, boolean withStatus) {
            html.open("table").open("thead").open("tr").element("th", "Resource").element("th", "Where");
            if (withStatus) {
                html.element("th", "Status");
            }
            html.element("th", "Finding").close("tr").close("thead").open("tbody").newline();
            for (Check c : checks) {
                html.open("tr").open("td", "class", "resource").text(c.resourceName());
                if (!c.resource().equals(c.resourceName())) {
                    html.element("small", c.resource());
                }
                html.close("td").element("td", where(c));
                if (withStatus) {
                    html.element("td", c.status().name(), "class", "status-" + c.status().name().toLowerCase(Locale.ROOT));
                }
                html.open("td").text(c.message());
                if (c.suppression() != null) {
                    html.open("br").element("em", "Suppressed: " + c.suppression());
                }
                html.close("td").close("tr").newline();
            }
            html.close("tbody").close("table").newline();
        }

        private void writeArticle(RuleMeta rule) {
            rules.article(rule.id()).ifPresent(article -> {
                html.open("details", "class", "article", "open", "");
                html.element("summary", "About " + rule.id() + ": what it checks, why it matters, how to fix it");
                html.markup(Articles.html(article, 2));
                html.close("details").newline();
            });
        }

        /** The code Vigil's emitters write for exactly these resources; templates are fixed in their own source. */
        private void writeFix(RuleMeta rule, List<Check> failing) {
            List<Check> live = failing.stream().filter(c -> c.origin() instanceof Origin.Live && c.remedy() != null)
                    .toList();
            if (rule.remedy() == null || live.isEmpty()) {
                if (live.size() < failing.size()) {
                    html.element("p", "Template resources: change them in their template as the article's Remediation"
                            + " section shows.", "class", "muted");
                }
                return;
            }
            html.element("h4", "Fix for these resources");
            boolean first = true;
            for (Emitter emitter : Emitter.values()) {
                html.open("details", "open", first ? "" : null);
                html.element("summary", switch (emitter) {
                    case CLI -> "AWS CLI";
                    case CLOUDFORMATION -> "CloudFormation";
                    case TERRAFORM -> "Terraform";
                });
                html.open("pre").element("code", emitter.render(live, BackupPlanDefaults.PLAN_NAME)).close("pre");
                html.close("details").newline();
                first = false;
            }
        }

        private void writeNotes(List<Note> notes, List<Fault> faults) {
            if (notes.isEmpty() && faults.isEmpty()) {
                return;
            }
            html.open("section", "class", Place.NOTES.css());
            if (!notes.isEmpty()) {
                html.element("h2", "Region verdicts");
                html.open("ul");
                for (Note n : notes) {
                    html.element("li", n.ruleId() + ": " + n.text());
                }
                html.close("ul");
            }
            if (!faults.isEmpty()) {
                html.element("h2", "Errors: these parts were not evaluated");
                html.open("ul");
                for (Fault f : faults) {
                    html.element("li", f.origin().scope() + " · " + f.operation() + " · " + f.message());
                }
                html.close("ul");
            }
            html.close("section").newline();
        }

        /** Headings for the groups of rule sections, with counts known only now. */
        private void writeHeadings(Summary s) {
            html.element("h2", "Failing checks by rule (" + s.count(Status.FAILURE) + " in " + failingRules
                    + (failingRules == 1 ? " rule)" : " rules)"), "class", Place.FAILING_HEADING.css());
            if (failingRules == 0) {
                html.element("p", "No check failed.", "class", "empty " + Place.FAILING_HEADING.css());
            }
            if (undecided > 0) {
                html.element("h2", "Not decided (" + undecided + "): ERROR means Vigil could not read what it needed;"
                        + " UNKNOWN, that a template value is known only at deployment", "class",
                        Place.UNDECIDED_HEADING.css());
            }
            if (suppressed > 0) {
                html.element("h2", "Suppressed (" + suppressed + ")", "class", Place.SUPPRESSED_HEADING.css());
            }
            List<RuleMeta> quiet = rules.all().stream().filter(r -> !seen.contains(r.id())).toList();
            if (!passing.isEmpty() || !quiet.isEmpty()) {
                html.element("h2", "Rules without failures", "class", Place.PASSING_HEADING.css());
                html.open("section", "class", Place.PASSING.css()).open("ul");
                passing.forEach((rule, passed) -> html.element("li", rule.id() + " " + rule.title() + " — " + passed
                        + " passed"));
                quiet.forEach(rule -> html.element("li", rule.id() + " " + rule.title() + " — nothing to check"));
                html.close("ul").close("section").newline();
            }
        }

        private void writeSummary(Summary s) {
            html.open("section", "class", "summary " + Place.SUMMARY.css(), "id", "summary");
            html.element("h2", "Summary");
            html.open("div", "class", "tiles");
            tile("checks", s.total());
            tile("failed", s.count(Status.FAILURE));
            tile("passed", s.count(Status.SUCCESS));
            tile("not decided", s.count(Status.ERROR) + s.count(Status.UNKNOWN));
            tile("suppressed", s.suppressed());
            html.close("div");
            html.open("div", "class", "charts");
            List<Risk> risks = new ArrayList<>(Arrays.asList(Risk.values()));
            java.util.Collections.reverse(risks);
            chart("Failures by risk", risks.stream().map(r -> new Charts.Bar(r.name().replace('_', ' '),
                    s.failuresByRisk().getOrDefault(r, 0), Css.risk(r))).toList());
            chart("Failures by category", Arrays.stream(Category.values()).map(c -> new Charts.Bar(c.slug(),
                    s.failuresByCategory().getOrDefault(c, 0), "category")).toList());
            html.close("div");
            html.close("section").newline();
        }

        private void tile(String label, int value) {
            html.open("div", "class", "tile").element("b", Integer.toString(value)).text(label).close("div");
        }

        private void chart(String title, List<Charts.Bar> bars) {
            html.open("div", "class", "chart").element("h3", title).markup(Charts.bars(title, bars)).close("div");
        }
    }

    private static String where(Check c) {
        return switch (c.origin()) {
            case Origin.Live live -> live.region() + " · " + live.account();
            case Origin.Template t -> t.line() > 0 ? t.file() + ":" + t.line() : t.file();
        };
    }
}
