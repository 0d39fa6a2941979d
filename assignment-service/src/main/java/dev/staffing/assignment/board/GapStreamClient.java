package dev.staffing.assignment.board;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One connected stream client. Events wait in a bounded queue of its own and are written by a sender thread,
 * one drain at a time per client: the consumer thread only offers, so a client whose connection stalls holds
 * up its own sender and nobody else, and is dropped once its queue is full.
 */
final class GapStreamClient {

    /** How long a browser waits before it reconnects, sent first. */
    private static final long RECONNECT_MILLIS = 3_000;

    private final long id;
    private final GapStreamFilter filter;
    private final SseEmitter emitter;
    private final BlockingQueue<Object> pending;
    private final Executor sender;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    GapStreamClient(long id, GapStreamFilter filter, SseEmitter emitter, int buffer, Executor sender) {
        this.id = id;
        this.filter = filter;
        this.emitter = emitter;
        this.pending = new ArrayBlockingQueue<>(buffer + 1);
        this.sender = sender;
        // The first line opens the stream at once and tells the browser how soon to reconnect.
        pending.add(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
    }

    long id() {
        return id;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Queues the event if the client asked for it; false when the client's queue is full (it is too slow). */
    boolean offer(GapStreamEvent event) {
        return !filter.matches(event) || offerItem(event);
    }

    /** Queues a heartbeat comment; false when the client's queue is full. */
    boolean offerHeartbeat() {
        return offerItem(Heartbeat.INSTANCE);
    }

    /** Starts sending what is queued (the greeting, at first). */
    void startSending() {
        scheduleDrain();
    }

    /**
     * Ends the response; true the first time only. The emitter is completed on a sender thread: completing waits
     * for a write in progress, and the caller (the broadcast consumer) must never wait for a client.
     */
    boolean close() {
        if (!markClosed()) {
            return false;
        }
        try {
            sender.execute(this::complete);
        } catch (RejectedExecutionException e) {
            // No sender left: the stream's own timeout, or the container, ends the response.
        }
        return true;
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // The container already ended the response (client gone, timeout): nothing left to end.
        }
    }

    /** Marks the client closed without touching its response, which the container ended already. */
    boolean markClosed() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        pending.clear();
        return true;
    }

    private boolean offerItem(Object item) {
        if (closed.get()) {
            return true;
        }
        if (!pending.offer(item)) {
            return false;
        }
        scheduleDrain();
        return true;
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // No sender left (shutting down, or every thread stuck on a dead connection): give this client up.
                draining.set(false);
                markClosed();
            }
        }
    }

    private void drain() {
        try {
            Object item;
            while (!closed.get() && (item = pending.poll()) != null) {
                send(item);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away; the stream lets it go at the next heartbeat or alert.
            markClosed();
            complete();
        } finally {
            draining.set(false);
            if (!closed.get() && !pending.isEmpty()) {
                scheduleDrain();
            }
        }
    }

    private void send(Object item) throws IOException {
        if (item instanceof GapStreamEvent event) {
            emitter.send(SseEmitter.event().name("gap").id(event.id()).data(event.json()));
        } else if (item instanceof SseEmitter.SseEventBuilder builder) {
            emitter.send(builder);
        } else {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        }
    }

    private enum Heartbeat {
        INSTANCE
    }
}
