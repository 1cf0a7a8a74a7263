package dev.vigil.server.view;

/** One check in a list, as text ready to show; dates in ISO form or empty. */
public record CheckRow(String id, String accountId, String ruleId, String ruleTitle, String region, String resource,
                       String status, String risk, String riskClass, String message, String discovered,
                       boolean suppressed, boolean gone) {
}
