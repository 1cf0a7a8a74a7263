package dev.vigil.server.view;

import java.util.List;
import java.util.Map;

/**
 * One check: its attributes, its history, the suppression audit trail, the rule's article, and its fix as code.
 *
 * @param article the rule's article as HTML, rendered by the HTML report's Articles (raw HTML escaped)
 * @param fixes   form (AWS CLI, CloudFormation, Terraform) → code, empty when the check has no fix
 */
public record CheckView(Frame frame, CheckRow check, String resourceArn, String created, String lastModified,
                        String lastError, String suppressionNote, String suppressedBy, String suppressedUntil,
                        boolean suppressible, List<Change> history, List<Audit> audit, String article,
                        Map<String, String> fixes) {

    public record Change(String at, String run, String kind, String status, String previous) {
    }

    public record Audit(String at, String actor, String action, String note, String until) {
    }
}
