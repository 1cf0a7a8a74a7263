package dev.vigil.notify;

/** A digest as the HTML part of an email; every value is escaped. */
final class HtmlMail {

    private static final String CELL = "<td style=\"padding:4px 8px;border-bottom:1px solid #ddd\">";

    private HtmlMail() {
    }

    static String render(Overview o) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n");
        out.append("<h2>").append(Text.html(o.headline())).append("</h2>\n");
        out.append("<p>").append(Text.html(o.runLine())).append("</p>\n");
        for (Overview.Section s : o.sections()) {
            if (s.total() == 0) {
                continue;
            }
            out.append("<h3>").append(s.title()).append(": ").append(s.total()).append(" (")
                    .append(Overview.byRisk(s.byRisk())).append(")</h3>\n")
                    .append("<table style=\"border-collapse:collapse\">\n<tr><th align=\"left\">Risk</th>"
                            + "<th align=\"left\">Rule</th><th align=\"left\">Region</th><th align=\"left\">Resource</th>"
                            + "<th align=\"left\">Message</th></tr>\n");
            for (Digest.Item i : s.top()) {
                out.append("<tr>").append(CELL).append(i.risk()).append("</td>")
                        .append(CELL).append(Text.html(i.ruleId())).append(' ').append(Text.html(i.ruleTitle()))
                        .append("</td>").append(CELL).append(Text.html(i.region())).append("</td>")
                        .append(CELL).append("<code>").append(Text.html(i.resource())).append("</code></td>")
                        .append(CELL).append(Text.html(i.message())).append("</td></tr>\n");
            }
            out.append("</table>\n");
            if (s.omitted() > 0) {
                out.append("<p>… and ").append(s.omitted()).append(" more</p>\n");
            }
        }
        if (o.stillFailing() != null) {
            out.append("<p>").append(o.stillFailing()).append("</p>\n");
        }
        if (o.dashboardUrl() != null) {
            out.append("<p><a href=\"").append(Text.html(o.dashboardUrl())).append("\">Open in Vigil</a></p>\n");
        }
        return out.append("</body></html>\n").toString();
    }
}
