package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.outbox.Outbox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * Sends a record that can never be applied to the dead-letter topic, with its original key, bytes and
 * headers, and headers that say why ({@value #REASON_HEADER}, the exception message and class) and where
 * it came from (topic, partition, offset, timestamp, consumer group), named as spring-kafka names them.
 * It goes through the outbox, in the batch's transaction, so it is lost neither with nor without a crash.
 */
@Component
class DeadLetters {

    static final String REASON_HEADER = "staffing-dlt-reason";
    static final String PARKED_HEADER = "staffing-dlt-parked";
    private static final int MAX_MESSAGE_LENGTH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Outbox outbox;
    private final StaffingTopics topics;

    DeadLetters(Outbox outbox, StaffingTopics topics) {
        this.outbox = outbox;
        this.topics = topics;
    }

    void send(ConsumerRecord<String, byte[]> record, InvalidEventException error) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            // Kafka allows a header without a value; the outbox stores bytes.
            headers.put(storableKey(header.key()), header.value() == null ? new byte[0] : header.value());
        }
        headers.put(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition())
                .array());
        headers.put(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.put(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp())
                .array());
        headers.put(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, utf8(record.timestampType().toString()));
        String group = KafkaUtils.getConsumerGroupId();
        if (group != null) {
            headers.put(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(group));
        }
        send(record.topic(), record.key(), record.value(), headers, error);
        log.warn("Dead-lettered {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(),
                error.reasonCode(), error.getMessage());
    }

    /** A parked event that could not be applied once its entity appeared; it has no offset any more. */
    void sendParked(String topic, String key, byte[] value, InvalidEventException error) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(PARKED_HEADER, utf8("true"));
        send(topic, key, value, headers, error);
        log.warn("Dead-lettered an event parked for {} on {}: {}: {}", key, topic, error.reasonCode(),
                error.getMessage());
    }

    private void send(String topic, String key, byte[] value, Map<String, byte[]> headers,
            InvalidEventException error) {
        headers.put(REASON_HEADER, utf8(error.reasonCode()));
        headers.put(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(abbreviate(error.getMessage())));
        headers.put(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(error.getCause() == null ? error.getClass().getName()
                : error.getCause().getClass().getName()));
        headers.put(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(topic));
        outbox.appendRaw(topics.deadLetter(), key, value, headers);
    }

    /**
     * The outbox stores headers as {@code key:base64} lines, so a key holding a colon or a line break
     * would make the row unreadable and stop the relay; such a key is percent-escaped, any other kept as is.
     */
    private static String storableKey(String key) {
        if (key.indexOf(':') < 0 && key.indexOf('\n') < 0 && key.indexOf('\r') < 0) {
            return key;
        }
        return key.replace("%", "%25").replace(":", "%3A").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Keeps the outbox row of a dead letter small whatever the exception says. */
    private static String abbreviate(String message) {
        return message == null || message.length() <= MAX_MESSAGE_LENGTH ? message
                : message.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
