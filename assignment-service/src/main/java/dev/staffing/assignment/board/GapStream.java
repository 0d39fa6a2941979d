package dev.staffing.assignment.board;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The clients of the gap-alert stream on this instance: admits them up to the configured number, hands each
 * alert to every client whose filters match, sends heartbeats, and drops a client that falls behind. Each client
 * is written by a sender thread of its own while it has something to send (at most one per client), so neither
 * the broadcast consumer nor other clients ever wait for a slow one. On shutdown every stream is ended first, so
 * that the web server's graceful shutdown does not wait for them.
 */
@Component
class GapStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GapStream.class);

    private final BoardProperties properties;
    private final Map<Long, GapStreamClient> clients = new ConcurrentHashMap<>();
    private final AtomicLong nextClientId = new AtomicLong();
    private final ThreadPoolExecutor senders;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean running;

    GapStream(BoardProperties properties, MeterRegistry meters) {
        this.properties = properties;
        Gauge.builder("staffing.board.stream.clients", clients, Map::size)
                .description("Clients connected to the gap-alert stream on this instance").register(meters);
        // One drain per client at a time and at most maxClients clients; twice that leaves room for the threads of
        // dropped clients still stuck writing to a dead connection until the socket gives up.
        this.senders = new ThreadPoolExecutor(0, 2 * properties.maxClients(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("gap-stream-sender-"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemonThreads("gap-stream-heartbeat-"));
    }

    /** A new stream with the given filters; empty when this instance already serves its most clients. */
    synchronized Optional<SseEmitter> connect(GapStreamFilter filter) {
        if (!running || clients.size() >= properties.maxClients()) {
            log.warn("Gap stream refused a client: {} of {} connected{}", clients.size(), properties.maxClients(),
                    running ? "" : " (shutting down)");
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        GapStreamClient client = new GapStreamClient(nextClientId.incrementAndGet(), filter, emitter,
                properties.clientBuffer(), senders);
        emitter.onCompletion(() -> ended(client, "completed"));
        emitter.onTimeout(() -> {
            ended(client, "timed out");
            emitter.complete();
        });
        emitter.onError(error -> ended(client, "failed"));
        clients.put(client.id(), client);
        client.startSending();
        log.debug("Gap stream client {} connected ({} of {})", client.id(), clients.size(), properties.maxClients());
        return Optional.of(emitter);
    }

    /** Hands an alert to every client that asked for it; never blocks. */
    void publish(GapStreamEvent event) {
        for (GapStreamClient client : clients.values()) {
            if (client.isClosed()) {
                ended(client, "went away");
            } else if (!client.offer(event)) {
                drop(client);
            }
        }
    }

    int clientCount() {
        return clients.size();
    }

    /** Heartbeats also find clients that went away: writing to them fails, which closes them. */
    private void heartbeat() {
        for (GapStreamClient client : clients.values()) {
            if (client.isClosed()) {
                ended(client, "went away");
            } else if (!client.offerHeartbeat()) {
                drop(client);
            }
        }
    }

    private void drop(GapStreamClient client) {
        clients.remove(client.id());
        if (client.close()) {
            log.info("Gap stream client {} dropped: more than {} events waiting for it", client.id(),
                    properties.clientBuffer());
        }
    }

    private void ended(GapStreamClient client, String how) {
        if (clients.remove(client.id()) != null) {
            client.markClosed();
            log.debug("Gap stream client {} {}", client.id(), how);
        }
    }

    @Override
    public synchronized void start() {
        long heartbeatMillis = properties.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        int open = clients.size();
        clients.values().forEach(GapStreamClient::close);
        clients.clear();
        heartbeats.shutdownNow();
        senders.shutdown();
        log.info("Gap stream stopped; {} clients disconnected", open);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicLong count = new AtomicLong();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
