package dev.vigil.server.view;

import java.util.List;
import java.util.Map;

/** A run: its jobs, what it changed, and its messages to channels. */
public record RunView(Frame frame, RunsView.RunRow run, List<Job> jobs, List<Item> newFailures, List<Item> resolved,
                      Map<String, Integer> stillFailing, List<Message> deliveries) {

    public record Job(String region, String state, String node, int attempts, long apiCalls, int checks, int errors,
                      int newFailures, int resolved, String error) {
    }

    public record Item(String checkId, String ruleId, String risk, String riskClass, String region, String resource,
                       String message, boolean gone, boolean suppressed) {
    }

    public record Message(String channel, String type, String state, int attempts, String lastError) {
    }
}
