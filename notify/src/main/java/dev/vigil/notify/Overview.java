package dev.vigil.notify;

import dev.vigil.core.rule.Risk;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What every format shows of a digest: a headline, then per section (new failures, resolved) the count per
 * risk and the top items, highest risk first, and the checks still failing.
 */
record Overview(Digest digest, List<Section> sections) {

    /** One list of a digest, cut to its top items. */
    record Section(String title, String noun, List<Digest.Item> top, int total, Map<Risk, Integer> byRisk) {

        int omitted() {
            return total - top.size();
        }
    }

    static Overview of(Digest digest, int maxItems) {
        return new Overview(digest, List.of(
                section("New failures", "new failure", digest.newFailures(), digest.newFailuresByRisk(), maxItems),
                section("Resolved", "resolved check", digest.resolved(), digest.resolvedByRisk(), maxItems)));
    }

    private static Section section(String title, String noun, List<Digest.Item> items, Map<Risk, Integer> byRisk,
                                   int maxItems) {
        return new Section(title, noun, items.subList(0, Math.min(maxItems, items.size())), items.size(), byRisk);
    }

    /** E.g. {@code 2 new failures, 1 resolved check in production (123456789012)}; not escaped. */
    String headline() {
        StringJoiner counts = new StringJoiner(", ");
        sections.stream().filter(s -> s.total() > 0).forEach(s -> counts.add(count(s.total(), s.noun())));
        return (counts.length() == 0 ? "No change" : counts.toString()) + " in " + account();
    }

    /** E.g. {@code production (123456789012)}, or the ID alone when the account has no other name. */
    String account() {
        String name = digest.accountName();
        return name == null || name.isBlank() || name.equals(digest.accountId()) ? digest.accountId()
                : name + " (" + digest.accountId() + ")";
    }

    /** E.g. {@code Run 42 succeeded in us-east-1, eu-west-1, finished 2025-03-01T12:00:00Z}; not escaped. */
    String runLine() {
        return "Run " + digest.runId() + " " + digest.outcome()
                + (digest.regions().isEmpty() ? "" : " in " + String.join(", ", digest.regions()))
                + (digest.finished() == null ? "" : ", finished " + digest.finished());
    }

    /** E.g. {@code Still failing: HIGH 3, LOW 1}, or null when nothing still fails. */
    String stillFailing() {
        String counts = byRisk(digest.stillFailingByRisk());
        return counts.isEmpty() ? null : "Still failing: " + counts;
    }

    /** The dashboard link when one is configured and is an http(s) URL (never a script). */
    String dashboardUrl() {
        String url = digest.dashboardUrl();
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    /** Counts per risk, highest first, zeros left out: {@code VERY_HIGH 1, HIGH 2}; empty when none. */
    static String byRisk(Map<Risk, Integer> counts) {
        StringJoiner out = new StringJoiner(", ");
        for (int i = Risk.values().length - 1; i >= 0; i--) {
            Risk risk = Risk.values()[i];
            int n = counts.getOrDefault(risk, 0);
            if (n > 0) {
                out.add(risk + " " + n);
            }
        }
        return out.toString();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
