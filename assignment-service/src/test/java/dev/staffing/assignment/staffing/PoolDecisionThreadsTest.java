package dev.staffing.assignment.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolDecisionThreadsTest {

    private static PoolDecisionThreads threads(int count) {
        return new PoolDecisionThreads(new EngineProperties(3, count));
    }

    @Test
    void everyItemIsDecidedOnceAndTheResultsKeepTheItemsOrder() throws Exception {
        PoolDecisionThreads threads = threads(3);
        try {
            List<Integer> items = IntStream.range(0, 500).boxed().toList();
            Set<Integer> seen = ConcurrentHashMap.newKeySet();

            List<String> results = threads.decideAll(items, item -> {
                assertThat(seen.add(item)).as("item %s decided once", item).isTrue();
                return "pool-" + item;
            });

            assertThat(results).containsExactlyElementsOf(items.stream().map(item -> "pool-" + item).toList());
        } finally {
            threads.destroy();
        }
    }

    @Test
    void twoPoolsAreDecidedAtOnceOnTwoThreads() throws Exception {
        PoolDecisionThreads threads = threads(2);
        try {
            // Each decision waits for the other to have begun: only two threads at once get past it.
            CountDownLatch bothBegun = new CountDownLatch(2);
            Set<String> deciders = ConcurrentHashMap.newKeySet();

            List<Boolean> met = threads.decideAll(List.of("pool-a", "pool-b"), pool -> {
                deciders.add(Thread.currentThread().getName());
                bothBegun.countDown();
                try {
                    return bothBegun.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(met).containsExactly(true, true);
            assertThat(deciders).hasSize(2).contains(Thread.currentThread().getName());
        } finally {
            threads.destroy();
        }
    }

    @Test
    void oneThreadDecidesEveryPoolOnTheBatchsOwnThread() {
        PoolDecisionThreads threads = threads(1);
        Set<String> deciders = ConcurrentHashMap.newKeySet();

        threads.decideAll(List.of(1, 2, 3), item -> deciders.add(Thread.currentThread().getName()));

        assertThat(deciders).containsExactly(Thread.currentThread().getName());
        assertThat(threads.threads()).isEqualTo(1);
    }

    @Test
    void aFailedDecisionIsThrownOnceEveryThreadStopped() throws Exception {
        PoolDecisionThreads threads = threads(2);
        try {
            assertThatThrownBy(() -> threads.decideAll(List.of(1, 2, 3, 4), item -> {
                if (item == 3) {
                    throw new IllegalStateException("engine of pool " + item + " broke");
                }
                return item;
            })).isInstanceOf(IllegalStateException.class).hasMessage("engine of pool 3 broke");
            // The helper is free again: the next batch decides as usual.
            assertThat(threads.decideAll(List.of(5, 6), item -> item * 2)).containsExactly(10, 12);
        } finally {
            threads.destroy();
        }
    }

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        assertThat(new EngineProperties(3, 0).decidingThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new EngineProperties(3, 4).decidingThreads()).isEqualTo(4);
    }
}
