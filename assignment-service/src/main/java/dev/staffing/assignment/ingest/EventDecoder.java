package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.ValueDecoding;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Decodes input records with the configured Avro deserializer. The listener receives raw bytes so
 * that a record that cannot be decoded reaches the dead-letter topic exactly as it arrived.
 */
@Component
class EventDecoder implements AutoCloseable {

    private final Deserializer<?> deserializer;

    EventDecoder(IngestProperties properties, KafkaProperties kafkaProperties) {
        this.deserializer = ValueDecoding.instantiate(properties.valueDeserializer());
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
            if (ValueDecoding.isTransient(e)) {
                throw new TransientIngestException("Could not decode " + where + " now, will retry: "
                        + e.getMessage(), e);
            }
            throw new InvalidEventException("UNDECODABLE", "not a decodable Avro record in the Confluent wire format: "
                    + e.getMessage(), e);
        }
    }


    @Override
    public void close() {
        deserializer.close();
    }
}
