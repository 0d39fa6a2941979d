package dev.staffing.loadbenchmark;

import dev.staffing.events.wire.AvroWireDeserializer;
import dev.staffing.events.wire.WireSerdeConfig;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The ceiling: a plain Kafka consumer in a group of its own reading every input record of the run from
 * the same broker and decoding it (wire format, the registry, the generated classes), doing nothing else.
 * It runs after the service drained, so the two do not share the machine.
 */
final class BaselineConsumer {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private BaselineConsumer() {
    }

    /** Reads {@code expected} input records and returns how many per second it read and decoded. */
    static double recordsPerSecond(String bootstrapServers, String registryUrl, long expected) {
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "load-baseline-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroWireDeserializer.class,
                WireSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                WireSerdeConfig.SPECIFIC_AVRO_READER, true))) {
            consumer.subscribe(Topics.INPUTS);
            long read = 0;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long start = 0;
            while (read < expected) {
                // poll() decodes every value it returns.
                int count = consumer.poll(Duration.ofMillis(100)).count();
                if (count > 0 && start == 0) {
                    // Timed from the first records: joining the group is not reading.
                    start = System.nanoTime();
                }
                read += count;
                if (System.nanoTime() > deadline) {
                    throw new BrokenRunException("the baseline consumer read " + read + " of " + expected
                            + " input records in " + PATIENCE);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return read / seconds;
        }
    }
}
