package dev.vigil.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A digest as a Slack incoming-webhook message: {@code text} (what notifications show) and Block Kit
 * sections in mrkdwn, every value escaped for it.
 */
final class SlackMessage {

    /** Slack's limit for a section's text. */
    static final int SECTION_MAX = 3000;

    private SlackMessage() {
    }

    static ObjectNode render(Overview o) {
        ObjectNode message = DigestJson.MAPPER.createObjectNode();
        message.put("text", "Vigil: " + Text.slack(o.headline()));
        ArrayNode blocks = message.putArray("blocks");
        section(blocks, "*Vigil: " + Text.slack(o.headline()) + "*\n" + Text.slack(o.runLine()));
        for (Overview.Section s : o.sections()) {
            if (s.total() == 0) {
                continue;
            }
            StringBuilder text = new StringBuilder("*" + s.title() + ": " + s.total() + "* ("
                    + Overview.byRisk(s.byRisk()) + ")");
            for (Digest.Item i : s.top()) {
                String line = "\n• *" + i.risk() + "* " + Text.slackCode(i.ruleId()) + " " + Text.slack(i.region())
                        + " " + Text.slackCode(i.resource()) + "\n      " + Text.slack(i.message());
                if (text.length() + line.length() > SECTION_MAX) {
                    section(blocks, text.toString());
                    text.setLength(0);
                    line = line.substring(1);
                }
                text.append(line);
            }
            if (s.omitted() > 0) {
                text.append("\n_… and ").append(s.omitted()).append(" more_");
            }
            section(blocks, text.toString());
        }
        StringBuilder footer = new StringBuilder(o.stillFailing() == null ? "" : o.stillFailing());
        if (o.dashboardUrl() != null) {
            footer.append(footer.isEmpty() ? "" : " · ").append('<').append(link(o.dashboardUrl()))
                    .append("|Open in Vigil>");
        }
        if (!footer.isEmpty()) {
            blocks.addObject().put("type", "context").putArray("elements").addObject()
                    .put("type", "mrkdwn").put("text", footer.toString());
        }
        return message;
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    }

    /** A URL inside Slack's {@code <url|label>}: entities for its control characters, and no bar. */
    private static String link(String url) {
        return Text.slack(url).replace("|", "%7C");
    }
}
