package dev.staffing.assignment.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.events.wire.AvroWireSerializer;
import dev.staffing.events.wire.WireSerdeConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The relay sends stored Avro as it is only through this service's own serializer; with another one configured
 * (Confluent's, say) it hands that serializer the decoded records.
 */
class OutboxRelaySerializerTest {

    @Test
    void theServicesOwnSerializerSendsStoredAvroAsItIs() {
        assertThat(OutboxRelay.ownSerializer(factory(AvroWireSerializer.class))).isNotNull();
        assertThat(OutboxRelay.ownSerializer(factory(AvroWireSerializer.class.getName()))).isNotNull();
    }

    @Test
    void anotherSerializerIsGivenTheRecords() {
        assertThat(OutboxRelay.ownSerializer(factory("io.confluent.kafka.serializers.KafkaAvroSerializer"))).isNull();
        assertThat(OutboxRelay.ownSerializer(factory(StringSerializer.class))).isNull();
    }

    private static DefaultKafkaProducerFactory<String, Object> factory(Object valueSerializer) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        configs.put(WireSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1");
        return new DefaultKafkaProducerFactory<>(configs);
    }
}
