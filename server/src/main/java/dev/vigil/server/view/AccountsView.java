package dev.vigil.server.view;

import java.util.List;

/** The accounts with their last and next runs; configured ones can be scanned now. */
public record AccountsView(Frame frame, List<Row> accounts, String notice) {

    public record Row(String id, String name, boolean configured, String regions, String schedule, String lastRunId,
                      String lastRunOutcome, String lastRunStarted, String nextRun) {
    }
}
