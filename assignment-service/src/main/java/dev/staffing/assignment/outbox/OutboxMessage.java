package dev.staffing.assignment.outbox;

import java.time.Instant;

/**
 * An event written in the transaction that caused it, waiting to be relayed to Kafka.
 *
 * @param payloadType the Avro full name of an event record, or {@link #RAW} for bytes sent as they are
 * @param payload Avro binary of the record (no wire-format header), or the raw bytes
 * @param headers Kafka headers, one {@code name:base64(value)} per line; may be null
 */
record OutboxMessage(long id, String topic, String messageKey, String payloadType, byte[] payload,
        String headers, Instant createdAt) {

    static final String RAW = "raw";

    boolean isRaw() {
        return RAW.equals(payloadType);
    }
}
