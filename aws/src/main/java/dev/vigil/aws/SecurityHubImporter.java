package dev.vigil.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.vigil.aws.collect.Faults;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;

/**
 * Imports ASFF findings into the Security Hub of the account that was scanned, region by region, as they come:
 * BatchImportFindings takes at most 100 findings and 6 MB per call (AWS's limits), so each region holds at most
 * one batch. Throttling and transient faults are retried by the connection's retry strategy, and the call is
 * paced under AWS's 10/s (burst 30). A finding Security Hub rejects is reported with its Id and AWS's error; a
 * call that fails after its retries (Security Hub not enabled in the region, access denied) is reported once, with
 * the number of findings it carried.
 *
 * <p>BatchImportFindings must be called by the account the findings belong to (AWS's API reference), so this
 * imports only the connection's own account.
 */
public final class SecurityHubImporter {

    /** BatchImportFindings' maximum number of findings per call. */
    public static final int BATCH = 100;
    /** BatchImportFindings' maximum request size. */
    static final int MAX_BATCH_BYTES = 6 * 1024 * 1024;

    private static final ObjectMapper ASFF = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);

    /** A finding that was not imported, and why. */
    public record Failure(String region, String findingId, String cause) {}

    /** A call that failed after its retries, and how many findings it carried. */
    public record FailedCall(String region, int findings, String cause) {}

    /** What was imported; {@code archived} counts the findings sent as ARCHIVED. */
    public record Outcome(int imported, int archived, List<Failure> failures, List<FailedCall> failedCalls) {

        public int notImported() {
            return failures.size() + failedCalls.stream().mapToInt(FailedCall::findings).sum();
        }
    }

    private record Pending(String id, boolean archived, AwsSecurityFinding finding) {}

    private final AwsConnection connection;
    private final String account;
    private final Map<String, List<Pending>> batches = new LinkedHashMap<>();
    private final Map<String, Integer> batchBytes = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<FailedCall> failedCalls = new ArrayList<>();
    private int imported;
    private int archived;

    public SecurityHubImporter(AwsConnection connection, String account) {
        this.connection = connection;
        this.account = account;
    }

    /** Queues one ASFF finding (its JSON) for its region, sending the region's batch when it is full. */
    public void add(String findingAccount, String region, String id, boolean archives, String json) {
        if (!findingAccount.equals(account)) {
            failures.add(new Failure(region, id, "belongs to account " + findingAccount + "; BatchImportFindings"
                    + " must be called by that account (this import runs as " + account + ")"));
            return;
        }
        AwsSecurityFinding finding;
        try {
            finding = ASFF.readValue(json, AwsSecurityFinding.serializableBuilderClass()).build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an ASFF finding: " + e.getOriginalMessage(), e);
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (batchBytes.getOrDefault(region, 0) + bytes > MAX_BATCH_BYTES) {
            send(region);
        }
        batches.computeIfAbsent(region, r -> new ArrayList<>()).add(new Pending(id, archives, finding));
        batchBytes.merge(region, bytes, Integer::sum);
        if (batches.get(region).size() == BATCH) {
            send(region);
        }
    }

    /** Sends what is still queued and says what was imported. */
    public Outcome finish() {
        List.copyOf(batches.keySet()).forEach(this::send);
        return new Outcome(imported, archived, List.copyOf(failures), List.copyOf(failedCalls));
    }

    private void send(String region) {
        List<Pending> batch = batches.remove(region);
        batchBytes.remove(region);
        if (batch == null || batch.isEmpty()) {
            return;
        }
        BatchImportFindingsResponse response;
        try {
            response = connection.client(SecurityHubClient::builder, region)
                    .batchImportFindings(r -> r.findings(batch.stream().map(Pending::finding).toList()));
        } catch (SdkException e) {
            failedCalls.add(new FailedCall(region, batch.size(), Faults.describe(e)));
            return;
        }
        Map<String, ImportFindingsError> rejected = new LinkedHashMap<>();
        response.failedFindings().forEach(f -> rejected.put(f.id(), f));
        for (Pending p : batch) {
            ImportFindingsError error = rejected.get(p.id());
            if (error != null) {
                failures.add(new Failure(region, p.id(), error.errorCode() + ": " + error.errorMessage()));
            } else {
                imported++;
                if (p.archived()) {
                    archived++;
                }
            }
        }
    }
}
