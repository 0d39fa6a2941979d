package dev.staffing.assignment.routing;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * The router's transactional producer: the forwarded records and the consumed offsets of the router's group
 * commit together or not at all, so each input record is on the pool topic exactly once for a
 * {@code read_committed} reader. Deliberately no Spring bean of a Kafka type: a second producer factory or
 * template bean would switch off Boot's own, which the outbox relay uses.
 */
final class PoolTopicProducer implements AutoCloseable {

    /** Bounds how long the pool topic's readers wait behind a transaction its instance was killed in. */
    static final int DEFAULT_TRANSACTION_TIMEOUT_MS = 10_000;

    private final DefaultKafkaProducerFactory<String, byte[]> factory;
    private final KafkaTemplate<String, byte[]> template;

    /**
     * @param transactionIdPrefix unique to this instance: instances sharing one would fence each other
     * @param meters where the producer's own metrics go ({@code kafka_producer_*}); none where null
     */
    PoolTopicProducer(Map<String, Object> producerProperties, String transactionIdPrefix, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // One request in flight per broker: with transactions v2 (Kafka 4) a transaction's first batch to a
        // partition may be refused with CONCURRENT_TRANSACTIONS while the previous transaction's markers are
        // still being written; a second batch already in flight then reaches the broker out of order, and the
        // producer was seen stuck retrying it for good (two instances in the load benchmark).
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, DEFAULT_TRANSACTION_TIMEOUT_MS);
        this.factory = new DefaultKafkaProducerFactory<>(config);
        factory.setTransactionIdPrefix(transactionIdPrefix);
        if (meters != null) {
            factory.addListener(new MicrometerProducerListener<>(meters));
        }
        this.template = new KafkaTemplate<>(factory);
    }

    /** Sends the records and commits the offsets in one transaction; throws, having aborted it, if either fails. */
    void forward(List<ProducerRecord<String, byte[]>> records, Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
        template.executeInTransaction(operations -> {
            records.forEach(operations::send);
            operations.sendOffsetsToTransaction(offsets, group);
            return null;
        });
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
