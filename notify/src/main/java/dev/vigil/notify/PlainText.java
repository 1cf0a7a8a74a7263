package dev.vigil.notify;

/** A digest as plain text: the email's text part and what SNS sends to email subscribers. */
final class PlainText {

    private PlainText() {
    }

    static String render(Overview o) {
        StringBuilder out = new StringBuilder();
        out.append(Text.plain(o.headline())).append('\n');
        out.append(Text.plain(o.runLine())).append('\n');
        for (Overview.Section s : o.sections()) {
            if (s.total() == 0) {
                continue;
            }
            out.append('\n').append(s.title()).append(": ").append(s.total())
                    .append(" (").append(Overview.byRisk(s.byRisk())).append(")\n");
            for (Digest.Item i : s.top()) {
                out.append("- ").append(i.risk()).append("  ").append(Text.plain(i.ruleId())).append("  ")
                        .append(Text.plain(i.region())).append("  ").append(Text.plain(i.resource())).append('\n')
                        .append("  ").append(Text.plain(i.message())).append('\n');
            }
            if (s.omitted() > 0) {
                out.append("... and ").append(s.omitted()).append(" more\n");
            }
        }
        if (o.stillFailing() != null) {
            out.append('\n').append(o.stillFailing()).append('\n');
        }
        if (o.dashboardUrl() != null) {
            out.append("\nOpen in Vigil: ").append(Text.line(o.dashboardUrl())).append('\n');
        }
        return out.toString();
    }
}
