package dev.staffing.assignment.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays committed outbox messages to Kafka in id order, and deletes them once Kafka has acknowledged
 * them. A crash between the two sends them again: at least once, each event with its stable id.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxMessageRepository messages;
    private final KafkaTemplate<String, Object> eventTemplate;
    private final KafkaTemplate<String, byte[]> rawTemplate;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;

    OutboxRelay(OutboxMessageRepository messages, ProducerFactory<String, Object> producerFactory,
            TransactionTemplate transactions, OutboxProperties properties) {
        this.messages = messages;
        this.eventTemplate = new KafkaTemplate<>(producerFactory);
        this.rawTemplate = new KafkaTemplate<>(rawBytes(producerFactory));
        this.transactions = transactions;
        this.properties = properties;
    }

    /** The same producer settings, with bytes sent as they are. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProducerFactory<String, byte[]> rawBytes(ProducerFactory<String, Object> producerFactory) {
        return (ProducerFactory) producerFactory.copyWithConfigurationOverride(
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @Scheduled(fixedDelayString = "${staffing.outbox.poll-interval:200ms}")
    void relayPending() {
        try {
            while (relayOneRound() == properties.batchSize()) {
                // A full round means more may be waiting: keep going without waiting for the next tick.
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay paused, will retry: {}", e.toString());
        }
    }

    /** Sends the oldest pending messages and deletes them after Kafka acknowledged all; returns how many. */
    int relayOneRound() {
        List<OutboxMessage> pending = messages.findOldest(properties.batchSize());
        if (pending.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(pending.size());
        for (OutboxMessage message : pending) {
            sends.add(send(message));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge " + pending.size() + " outbox messages", e);
        }
        List<Long> ids = pending.stream().map(OutboxMessage::id).toList();
        transactions.executeWithoutResult(status -> messages.deleteByIds(ids));
        log.debug("Relayed {} outbox messages", ids.size());
        return pending.size();
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        if (message.isRaw()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.messageKey(),
                    message.payload());
            Outbox.decodeHeaders(message.headers()).forEach((name, value) -> record.headers().add(name, value));
            return rawTemplate.send(record);
        }
        return eventTemplate.send(message.topic(), message.messageKey(), OutboxPayloads.decode(message));
    }
}
