package dev.vigil.aws.collect;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** One-line, printable descriptions of SDK faults (no credentials, no stack traces). */
public final class Faults {

    private Faults() {
    }

    public static String describe(Throwable t) {
        if (t instanceof AwsServiceException e && e.awsErrorDetails() != null) {
            String code = e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + e.statusCode() : code) + (message == null ? "" : ": " + message);
        }
        String message = t.getMessage();
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t && root.getMessage() != null && (message == null || !message.contains(root.getMessage()))) {
            message = (message == null ? "" : message + ": ") + root.getMessage();
        }
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** Runs one call, naming it if it fails. */
    public static <T> T call(String operation, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new CollectionException(operation, e);
        }
    }
}
