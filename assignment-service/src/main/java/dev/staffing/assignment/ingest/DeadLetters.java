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
import org.springframework.stereotype.Component;

/**
 * Sends a record that can never be applied to the dead-letter topic, with its original key, bytes and
 * headers, and headers that say why and where it came from (spring-kafka's dead-letter header names).
 * It goes through the outbox, in the batch's transaction, so it is lost neither with nor without a crash.
 */
@Component
class DeadLetters {

    static final String REASON_HEADER = "staffing-dlt-reason";
    static final String PARKED_HEADER = "staffing-dlt-parked";

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
            headers.put(header.key(), header.value());
        }
        headers.put(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition())
                .array());
        headers.put(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
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
        headers.put(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(error.getMessage()));
        headers.put(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(error.getCause() == null ? error.getClass().getName()
                : error.getCause().getClass().getName()));
        headers.put(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(topic));
        outbox.appendRaw(topics.deadLetter(), key, value, headers);
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
