package dev.vigil.service;

import dev.vigil.aws.AccountConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.Emulator;
import dev.vigil.aws.emulator.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The moto emulator for the service's tests (one per JVM), seeding accounts through roles, and waiting on conditions. */
final class Harness {

    static final String CALLER = "123456789012";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private Harness() {
    }

    /** AWS's real pacing against the emulator, with the emulator's dummy credentials. */
    static AwsAccess access() {
        return new AwsAccess(CREDENTIALS, RateLimits.aws());
    }

    static String roleArn(String account) {
        return account.equals(CALLER) ? null : "arn:aws:iam::" + account + ":role/VigilReadOnly";
    }

    /** Runs {@code work} with a DynamoDB client of the account in the region (through its role: moto keeps accounts apart). */
    static void dynamo(String account, String region, java.util.function.Consumer<DynamoDbClient> work) {
        AwsOptions options = new AwsOptions(null, List.of(region), Emulator.moto().endpoint(), CREDENTIALS, RateLimits.aws());
        try (AccountConnection c = AccountConnection.open(options, roleArn(account), null, region, new CallStats())) {
            work.accept(c.connection().client(DynamoDbClient::builder, region));
        }
    }

    /** Tables by name, with point-in-time recovery on or off. */
    static void tables(String account, String region, Map<String, Boolean> tables) {
        dynamo(account, region, d -> tables.forEach((name, pitr) -> DemoAccount.createTable(d, name, pitr)));
    }

    /** The YAML of one account on the emulator. */
    static String account(String id, List<String> regions) {
        return "  - id: \"" + id + "\"\n    name: acct-" + id.substring(8) + "\n"
                + (roleArn(id) == null ? "" : "    roleArn: " + roleArn(id) + "\n")
                + "    regions: [" + String.join(", ", regions) + "]\n"
                + "    endpointUrl: " + Emulator.moto().endpoint() + "\n"
                + "    rules: { " + ONLY_DYNAMODB_003 + " }\n";
    }

    /** Every rule of the catalog off but DynamoDB-003: the tests seed tables only. */
    private static final String ONLY_DYNAMODB_003 = dev.vigil.core.rule.Catalog.load().all().stream()
            .map(r -> r.meta().id()).filter(id -> !id.equals("DynamoDB-003"))
            .map(id -> id + ": { enabled: false }").collect(java.util.stream.Collectors.joining(", "));

    /** Waits until the condition holds, polling; fails naming it after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, condition);
    }
}
