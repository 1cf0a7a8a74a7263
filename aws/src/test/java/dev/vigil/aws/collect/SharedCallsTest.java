package dev.vigil.aws.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A call several collectors need is made once per region scan, its answer or its fault shared. */
class SharedCallsTest {

    @Test
    void eachKeyIsAskedOnceHoweverManyCollectorsAskAtOnce() {
        SharedCalls shared = new SharedCalls();
        AtomicInteger made = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> shared.once("kms:DescribeKey k1", () -> {
                    made.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return "CUSTOMER";
                })));
            }
            release.countDown();   // callers that came while the first ran waited for it; later ones read its answer
        }
        for (Future<String> answer : answers) {
            assertThat(answer.resultNow()).isEqualTo("CUSTOMER");
        }
        assertThat(made).hasValue(1);
        assertThat(shared.once("kms:DescribeKey k2", () -> "AWS")).isEqualTo("AWS");
        assertThat(made).hasValue(1);
    }

    @Test
    void aFaultIsSharedAndNeverMetTwice() {
        SharedCalls shared = new SharedCalls();
        AtomicInteger made = new AtomicInteger();
        CollectionException denied = new CollectionException("backup:ListBackupPlans", "AccessDeniedException: no");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> shared.once("backup:ListBackupPlans", () -> {
                made.incrementAndGet();
                throw denied;
            })).isSameAs(denied);
        }
        assertThat(made).hasValue(1);
    }
}
