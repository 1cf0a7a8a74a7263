package dev.vigil.aws.collect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Calls whose answer more than one collector of one region's scan needs: ListBackupPlans for the plans and for their
 * selections, DescribeKey for every vault and table that uses the same key. Each is made once per scan of a region;
 * whoever asks while it runs waits for it, and a fault is shared as well, never met twice.
 */
public final class SharedCalls {

    private final ConcurrentHashMap<String, CompletableFuture<Object>> answers = new ConcurrentHashMap<>();

    /** The answer of the call that {@code key} names (e.g. {@code kms:DescribeKey ARN}), made now or already made. */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Supplier<T> call) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = answers.putIfAbsent(key, mine);
        if (first == null) {
            try {
                T answer = call.get();
                mine.complete(answer);
                return answer;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);   // an Error too: those waiting must never wait forever
                throw e;
            }
        }
        try {
            return (T) first.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }
}
