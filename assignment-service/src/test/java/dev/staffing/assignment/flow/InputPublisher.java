package dev.staffing.assignment.flow;

import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the topics of one isolated service (see {@link RunningService#isolatedSettings}), in the
 * Confluent wire format, each acknowledged by the broker before the call returns, as the HR systems would.
 */
final class InputPublisher implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;
    private final String suffix;

    InputPublisher(String bootstrapServers, String registryUrl, String suffix) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                "schema.registry.url", registryUrl));
        this.suffix = suffix;
    }

    /** To the employee-events topic, keyed by employee id. */
    void publish(EmployeeEvent event) {
        send(new ProducerRecord<>(RunningService.topic("employee-events", suffix), event.getEmployeeId(), event));
    }

    /** To the project-events topic, keyed by project id. */
    void publish(ProjectEvent event) {
        send(new ProducerRecord<>(RunningService.topic("project-events", suffix), event.getProjectId(), event));
    }

    /** Any record, for a test that writes to a topic the way no HR system would. */
    void send(ProducerRecord<String, Object> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
