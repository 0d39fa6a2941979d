package dev.staffing.assignment.ingest;

import dev.staffing.events.wire.RegistryUnavailableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Decodes input records with the configured Avro deserializer. The listener receives raw bytes so
 * that a record that cannot be decoded reaches the dead-letter topic exactly as it arrived.
 */
@Component
class EventDecoder implements AutoCloseable {

    private final Deserializer<?> deserializer;

    EventDecoder(IngestProperties properties, KafkaProperties kafkaProperties) {
        this.deserializer = instantiate(properties.valueDeserializer());
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.putIfAbsent("specific.avro.reader", "true");
        deserializer.configure(config, false);
    }

    /**
     * @throws InvalidEventException when the bytes can never be decoded
     * @throws TransientIngestException when decoding failed for a reason that may pass (registry unreachable)
     */
    Object decode(ConsumerRecord<String, byte[]> record) {
        return decode(record.topic(), record.headers(), record.value(),
                record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    /** Decodes bytes kept from an earlier record (a parked event). */
    Object decode(String topic, byte[] value) {
        return decode(topic, new org.apache.kafka.common.header.internals.RecordHeaders(), value, topic + " (parked)");
    }

    private Object decode(String topic, org.apache.kafka.common.header.Headers headers, byte[] value, String where) {
        if (value == null) {
            throw new InvalidEventException("EMPTY_VALUE", "record has no value (a tombstone), which no event is");
        }
        try {
            return deserializer.deserialize(topic, headers, value);
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw new TransientIngestException("Could not decode " + where + " now, will retry: "
                        + e.getMessage(), e);
            }
            throw new InvalidEventException("UNDECODABLE", "not a decodable Avro record in the Confluent wire format: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A registry that cannot be reached may come back; bytes that cannot be read never will. Corrupt
     * Avro surfaces as an EOFException, an IOException too, so only network failures count as transient.
     */
    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryUnavailableException || cause instanceof SocketException
                    || cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static Deserializer<?> instantiate(String className) {
        try {
            Class<?> type = ClassUtils.forName(className, EventDecoder.class.getClassLoader());
            return (Deserializer<?>) BeanUtils.instantiateClass(type);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("staffing.ingest.value-deserializer names " + className
                    + ", which is not a Kafka Deserializer on the classpath", e);
        }
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
