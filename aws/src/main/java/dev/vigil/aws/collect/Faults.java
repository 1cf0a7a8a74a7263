package dev.vigil.aws.collect;

import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One-line, printable descriptions of faults: what AWS answered (error code and message, or why its answer could
 * not be read), never Java class names, stack traces or credentials.
 */
public final class Faults {

    /** Longest description kept: AWS messages are short; an echoed body is not. */
    static final int MAX_LENGTH = 300;
    private static final Pattern TIMEOUT = Pattern.compile(
            "HTTP request execution did not complete before the specified timeout configuration: (\\d+) millis");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.){2,}[A-Z][\\w$]*:?\\s*");

    private Faults() {
    }

    public static String describe(Throwable t) {
        if (t instanceof CollectionException e) {
            return e.getMessage();
        }
        if (t instanceof AwsServiceException e && e.awsErrorDetails() != null) {
            String code = e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails().errorMessage();
            return oneLine((code == null ? "HTTP " + e.statusCode() : code) + (message == null ? "" : ": " + message));
        }
        if (!(t instanceof SdkException)) {
            // not something AWS answered: a defect in Vigil, named without its internals
            return "internal error (" + t.getClass().getSimpleName() + ") while reading AWS's answer; "
                    + "please report it at the Vigil issue tracker";
        }
        String message = t.getMessage();
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t && root.getMessage() != null && (message == null || !message.contains(root.getMessage()))) {
            message = (message == null ? "" : message + ": ") + root.getMessage();
        }
        if (message == null) {
            return t.getClass().getSimpleName();
        }
        return oneLine(TIMEOUT.matcher(message.replace("Unable to unmarshall response", "AWS's answer could not be read"))
                .replaceAll(m -> "no answer within " + Long.parseLong(m.group(1)) / 1000 + " s"));
    }

    private static String oneLine(String text) {
        String line = CLASS_NAME.matcher(text.lines().findFirst().orElse("")).replaceAll("").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
    }

    /** Runs one call, naming it if it fails. */
    public static <T> T call(String operation, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CollectionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CollectionException(operation, e);
        }
    }
}
