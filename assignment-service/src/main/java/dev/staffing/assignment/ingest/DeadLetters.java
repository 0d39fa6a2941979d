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
        headers.put(REASON_HEADER, utf8(error.reasonCode()));
        headers.put(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(error.getMessage()));
        headers.put(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(error.getCause() == null ? error.getClass().getName()
                : error.getCause().getClass().getName()));
        headers.put(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        headers.put(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition())
                .array());
        headers.put(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        outbox.appendRaw(topics.deadLetter(), record.key(), record.value(), headers);
        log.warn("Dead-lettered {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(),
                error.reasonCode(), error.getMessage());
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
