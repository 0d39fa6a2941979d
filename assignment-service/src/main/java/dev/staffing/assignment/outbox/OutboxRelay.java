package dev.staffing.assignment.outbox;

import dev.staffing.assignment.health.FailureDescription;
import dev.staffing.events.wire.AvroWireSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Relays committed outbox messages to Kafka in id order, and deletes them once Kafka has acknowledged
 * them. A crash between the two sends them again: at least once, each event with its stable id. While
 * Kafka or the database fails it, the relay backs off (one WARN line when it stops, one INFO line when it
 * resumes) and carries on where it stopped.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Short enough that events follow soon after an outage, long enough not to hammer what is down. */
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 5_000;

    private final OutboxMessages messages;
    private final KafkaTemplate<String, Object> eventTemplate;
    private final KafkaTemplate<String, byte[]> rawTemplate;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final OutboxSignal signal;
    private final OutboxPayloads payloads = new OutboxPayloads();
    /** The configured serializer where it is this service's own, which sends stored Avro as it is; else null. */
    private final AvroWireSerializer encodedEvents;
    private volatile Thread relay;

    // The state of an outage, touched only by the scheduled relay (one run at a time); null while relaying.
    private BackOffExecution retry;
    private long failingSinceNanos;
    private long nextTryNanos;
    private int failedRounds;

    OutboxRelay(OutboxMessages messages, ProducerFactory<String, Object> producerFactory,
            TransactionTemplate transactions, OutboxProperties properties, OutboxSignal signal) {
        this.messages = messages;
        this.eventTemplate = new KafkaTemplate<>(producerFactory);
        this.rawTemplate = new KafkaTemplate<>(rawBytes(producerFactory));
        this.encodedEvents = ownSerializer(producerFactory);
        log.info(encodedEvents != null ? "Outbox relay sends stored Avro events as they are, behind their wire-format"
                + " header" : "Outbox relay decodes stored Avro events for the configured value serializer");
        this.transactions = transactions;
        this.properties = properties;
        this.signal = signal;
    }

    /**
     * The relay's own thread: it relays as soon as a transaction committed outbox rows, and at least every
     * poll interval (rows another instance left, the next try after a failure).
     */
    @Override
    public void start() {
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        relay = thread;
        thread.start();
    }

    private void run() {
        Thread self = Thread.currentThread();
        while (relay == self) {
            try {
                signal.awaitWork(properties.pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (relay == self) {
                relayPending();
            }
        }
    }

    @Override
    public void stop() {
        Thread thread = relay;
        relay = null;
        if (thread != null) {
            // Woken rather than interrupted: a round under way finishes its sends and deletes.
            signal.committed();
            try {
                thread.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return relay != null;
    }

    /** The same producer settings, with bytes sent as they are. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProducerFactory<String, byte[]> rawBytes(ProducerFactory<String, Object> producerFactory) {
        return (ProducerFactory) producerFactory.copyWithConfigurationOverride(
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /**
     * With {@link AvroWireSerializer} configured (the default), events stored as Avro binary are sent with its
     * header in front, as it would write them, instead of being decoded and written again. Another serializer
     * (Confluent's, say) is given the decoded records.
     */
    static AvroWireSerializer ownSerializer(ProducerFactory<String, Object> producerFactory) {
        Map<String, Object> configs = producerFactory.getConfigurationProperties();
        Object configured = configs.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        boolean own = configured == AvroWireSerializer.class
                || AvroWireSerializer.class.getName().equals(configured);
        Supplier<Serializer<Object>> instance = producerFactory.getValueSerializerSupplier();
        if (!own || (instance != null && instance.get() != null)) {
            // Not this service's serializer, or an instance of it set up in code rather than by configuration.
            return null;
        }
        AvroWireSerializer serializer = new AvroWireSerializer();
        serializer.configure(configs, false);
        return serializer;
    }

    void relayPending() {
        if (retry != null && System.nanoTime() - nextTryNanos < 0) {
            return;
        }
        try {
            while (relayOneRound()) {
                // More may be waiting: keep going without waiting for the next tick.
            }
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        if (retry != null) {
            log.info("Outbox relay resumed after {} s ({} failed rounds)",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSinceNanos), failedRounds);
            retry = null;
            failedRounds = 0;
        }
    }

    private void failed(RuntimeException error) {
        failedRounds++;
        if (retry == null) {
            ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY_MILLIS, 2.0);
            backOff.setMaxInterval(MAX_RETRY_MILLIS);
            retry = backOff.start();
            failingSinceNanos = System.nanoTime();
            log.warn("Outbox relay paused, retrying with back-off until Kafka and the database answer: {}",
                    FailureDescription.of(error));
        } else {
            log.debug("Outbox relay round {} failed: {}", failedRounds, FailureDescription.of(error));
        }
        long wait = retry.nextBackOff();
        nextTryNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                wait == BackOffExecution.STOP ? MAX_RETRY_MILLIS : wait);
    }

    /**
     * Sends the oldest pending messages, up to the batch size (at least one row's), and deletes their rows after
     * Kafka acknowledged all, in one transaction that holds the rows, so that relays of several instances take
     * turns; returns whether more may be waiting.
     */
    boolean relayOneRound() {
        return Boolean.TRUE.equals(transactions.execute(status -> relayLocked()));
    }

    private boolean relayLocked() {
        long start = System.nanoTime();
        List<OutboxMessages.Row> locked = messages.lockOldest(properties.batchSize());
        if (locked.isEmpty()) {
            return false;
        }
        int taken = 1;
        int count = locked.get(0).messageCount();
        while (taken < locked.size() && count + locked.get(taken).messageCount() <= properties.batchSize()) {
            count += locked.get(taken).messageCount();
            taken++;
        }
        Long[] ids = locked.subList(0, taken).stream().map(OutboxMessages.Row::id).toArray(Long[]::new);
        List<OutboxMessage> pending = messages.messagesOf(ids);
        List<CompletableFuture<?>> sends = new ArrayList<>(pending.size());
        boolean bytes = false;
        boolean records = false;
        for (OutboxMessage message : pending) {
            sends.add(send(message));
            boolean asBytes = message.isRaw() || encodedEvents != null;
            bytes |= asBytes;
            records |= !asBytes;
        }
        // The round waits for every acknowledgement anyway: the batches go now, not after the producer's linger.
        if (bytes) {
            rawTemplate.flush();
        }
        if (records) {
            eventTemplate.flush();
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge " + pending.size() + " outbox messages", e);
        }
        messages.deleteByIds(ids);
        log.debug("Relayed {} outbox messages of {} rows in {} ms", pending.size(), ids.length,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return taken < locked.size() || locked.size() == properties.batchSize();
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        if (message.isRaw()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.messageKey(),
                    message.payload());
            Outbox.decodeHeaders(message.headers()).forEach((name, value) -> record.headers().add(name, value));
            return rawTemplate.send(record);
        }
        if (encodedEvents != null) {
            return rawTemplate.send(message.topic(), message.messageKey(), encodedEvents.serializeEncoded(
                    message.topic(), payloads.schemaOf(message), message.payload()));
        }
        return eventTemplate.send(message.topic(), message.messageKey(), payloads.decode(message));
    }
}
