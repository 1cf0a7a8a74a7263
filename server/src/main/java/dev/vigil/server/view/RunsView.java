package dev.vigil.server.view;

import java.util.List;

/** Runs, newest first. */
public record RunsView(Frame frame, List<RunRow> runs) {

    public record RunRow(String id, String accountId, String accountName, String trigger, String outcome, String started,
                         String finished, long apiCalls, int newFailures, int resolved, String error) {
    }
}
