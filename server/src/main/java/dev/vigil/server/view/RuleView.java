package dev.vigil.server.view;

import java.util.List;

/** A rule's knowledge-base page; {@code article} is its article as HTML (the HTML report's Articles). */
public record RuleView(Frame frame, String id, String title, String risk, String riskClass, String service,
                       List<String> categories, List<String> compliances, List<String> controls, List<String> settings,
                       String article) {
}
