package dev.staffing.assignment.flow;

import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.GapAlert;
import dev.staffing.events.GapStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the service published, as a dashboard would: a plain Kafka consumer with the
 * Confluent-wire-format Avro deserializer against the real registry.
 */
final class OutputRecorder implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;
    private final List<ConsumerRecord<String, Object>> records = new ArrayList<>();

    OutputRecorder(String bootstrapServers, String registryUrl, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-output-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireDeserializer",
                "schema.registry.url", registryUrl,
                "specific.avro.reader", "true"));
        consumer.subscribe(List.of(topics));
    }

    /** Polls once and returns everything read so far. */
    synchronized List<ConsumerRecord<String, Object>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return List.copyOf(records);
    }

    List<AssignmentEvent> assignments() {
        return poll().stream().map(ConsumerRecord::value).filter(AssignmentEvent.class::isInstance)
                .map(AssignmentEvent.class::cast).toList();
    }

    List<ConsumerRecord<String, Object>> gapAlertRecords() {
        return poll().stream().filter(record -> record.value() instanceof GapAlert).toList();
    }

    List<GapAlert> gapAlerts() {
        return gapAlertRecords().stream().map(record -> (GapAlert) record.value()).toList();
    }

    /** The seats ({@code projectId/slotId/seat}) of the pool whose latest gap alert says they are empty. */
    Set<String> openSeats(String pool) {
        Map<String, GapStatus> latest = new LinkedHashMap<>();
        gapAlerts().stream().filter(alert -> alert.getPool().equals(pool)).forEach(alert -> latest.put(
                alert.getProjectId() + "/" + alert.getSlotId() + "/" + alert.getSeat(), alert.getStatus()));
        return latest.entrySet().stream().filter(entry -> entry.getValue() != GapStatus.RESOLVED)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
