package dev.vigil.aws;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * AWS's standard retry strategy (which errors to retry, with what backoff, up to how many attempts) with two
 * additions:
 * <ul>
 *   <li>every attempt first waits for a token of its bucket, and each answer — accepted or throttled — tells the
 *       bucket's controller. The SDK asks for a token before an attempt's timeout starts, so a long wait for the
 *       pace never counts as a stuck call;</li>
 *   <li>an attempt that got no usable answer (it timed out, could not connect, or the body could not be read) is
 *       retried once, not as often as throttling: a stuck or broken endpoint becomes an ERROR within seconds. A
 *       call that changes something is not retried then, as the change may have been made.</li>
 * </ul>
 * The SDK uses a strategy it does not know as it is, so {@link #toBuilder()} (which it does not call then) gives
 * the standard strategy's builder.
 */
final class PacedRetryStrategy implements RetryStrategy {

    /** Attempts of one call without a usable answer. */
    static final int MAX_UNANSWERED_ATTEMPTS = 2;

    private final RetryStrategy standard;
    private final PacingInterceptor calls;

    /** The standard strategy's token, and how many attempts of this call got no usable answer. */
    private record Token(RetryToken standard, int unanswered) implements RetryToken {}

    PacedRetryStrategy(RetryStrategy standard, PacingInterceptor calls) {
        this.standard = standard;
        this.calls = calls;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        AcquireInitialTokenResponse first = standard.acquireInitialToken(request);
        pace(first.delay());
        return AcquireInitialTokenResponse.create(new Token(first.token(), 0), Duration.ZERO);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Token token = (Token) request.token();
        Throwable failure = request.failure();
        PacingInterceptor.Call call = calls.current();
        boolean unanswered = unanswered(failure);
        if (call != null && throttling(failure)) {
            calls.throttled(call);
        } else if (call != null && !unanswered) {
            call.bucket().accepted();   // AWS answered (e.g. AccessDenied): the pace was not the problem
        }
        int count = token.unanswered() + (unanswered ? 1 : 0);
        if (count >= MAX_UNANSWERED_ATTEMPTS || unanswered && call != null && changes(call.operation())) {
            throw new TokenAcquisitionFailedException("no usable answer in " + count + " attempts", failure);
        }
        RefreshRetryTokenResponse next = standard.refreshRetryToken(RefreshRetryTokenRequest.builder()
                .token(token.standard()).failure(failure).suggestedDelay(request.suggestedDelay().orElse(null))
                .build());
        pace(next.delay());
        return RefreshRetryTokenResponse.create(new Token(next.token(), count), Duration.ZERO);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        PacingInterceptor.Call call = calls.current();
        if (call != null) {
            call.bucket().accepted();
        }
        standard.recordSuccess(RecordSuccessRequest.create(((Token) request.token()).standard()));
        return RecordSuccessResponse.create(request.token());
    }

    @Override
    public int maxAttempts() {
        return standard.maxAttempts();
    }

    @Override
    public Builder<?, ?> toBuilder() {
        return standard.toBuilder();
    }

    /** Sleeps the backoff the standard strategy chose, then waits for a token of the call's bucket. */
    private void pace(Duration backoff) {
        try {
            if (!backoff.isZero()) {
                Thread.sleep(backoff);
            }
            PacingInterceptor.Call call = calls.current();
            if (call != null) {
                call.bucket().acquire();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while waiting for the pace of AWS's rate limits", e);
        }
    }

    /**
     * Whether an operation changes something: sent again after no answer, it might be made twice (two backup plans
     * of one name), so a change that got no answer is reported, not retried.
     */
    static boolean changes(String operation) {
        String name = operation.substring(operation.indexOf(':') + 1);
        return MUTATIONS.stream().anyMatch(name::startsWith);
    }

    private static final java.util.List<String> MUTATIONS =
            java.util.List.of("Create", "Update", "Attach", "Put", "Delete", "Modify", "Start");

    static boolean throttling(Throwable failure) {
        return failure instanceof SdkException e && (RetryUtils.isThrottlingException(e)
                || e instanceof AwsServiceException service && service.isThrottlingException());
    }

    /** No answer (a timeout, no connection), or one that could not be read. */
    static boolean unanswered(Throwable failure) {
        if (failure instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        if (failure instanceof SdkClientException e && e.getMessage() != null
                && e.getMessage().startsWith("Unable to unmarshall response")) {
            return true;
        }
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
