package dev.staffing.assignment.staffing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Decides the pools of one batch side by side. Each pool's engine is its own and what the decisions share
 * (the persona catalog, the decision timer) is read only or thread-safe, so the engines of different pools
 * may decide at once; reading and writing the database stays on the batch's thread, before and after. The
 * batch's thread decides too, with {@code staffing.engine.decide-threads} less one helpers; with one thread
 * it decides alone, as before.
 */
@Component
class PoolDecisionThreads implements DisposableBean {

    private final int threads;
    /** Null where the batch's thread decides alone. */
    private final ExecutorService helpers;

    PoolDecisionThreads(EngineProperties properties) {
        this.threads = properties.decidingThreads();
        AtomicInteger created = new AtomicInteger();
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, work -> {
            Thread thread = new Thread(work, "pool-decider-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    int threads() {
        return threads;
    }

    /**
     * {@code decision} applied to every item, each item by one thread, the results in the items' order. The
     * first failure is thrown once every thread has stopped; the items not begun by then are left.
     */
    <T, R> List<R> decideAll(List<T> items, Function<T, R> decision) {
        if (helpers == null || items.size() < 2) {
            List<R> results = new ArrayList<>(items.size());
            items.forEach(item -> results.add(decision.apply(item)));
            return results;
        }
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(items.size());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable worker = () -> {
            for (int item = next.getAndIncrement(); item < items.size() && failed.get() == null;
                    item = next.getAndIncrement()) {
                try {
                    results.set(item, decision.apply(items.get(item)));
                } catch (RuntimeException | Error e) {
                    failed.compareAndSet(null, e);
                }
            }
        };
        List<Future<?>> helping = new ArrayList<>();
        for (int helper = 0; helper < Math.min(threads - 1, items.size() - 1); helper++) {
            helping.add(helpers.submit(worker));
        }
        worker.run();
        boolean interrupted = false;
        for (Future<?> helper : helping) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                interrupted = true;
                failed.compareAndSet(null, new IllegalStateException("interrupted while pools were decided", e));
            } catch (ExecutionException e) {
                failed.compareAndSet(null, e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = failed.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        List<R> decided = new ArrayList<>(items.size());
        for (int item = 0; item < items.size(); item++) {
            decided.add(results.get(item));
        }
        return decided;
    }

    @Override
    public void destroy() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
