package dev.staffing.events.wire;

import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated SpecificRecords or GenericRecords) in the Confluent wire format,
 * registering their schema under {@code <topic>-value} (or {@code <topic>-key}) first. A drop-in for
 * Confluent's {@code KafkaAvroSerializer} for these uses.
 */
public class AvroWireSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;

    public AvroWireSerializer() {
        TrustedEventClasses.install();
    }

    /** For tests and programmatic use: a serializer over a given client. */
    public AvroWireSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        TrustedEventClasses.install();
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = WireSerdeConfig.flag(configs, WireSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        if (WireSerdeConfig.flag(configs, WireSerdeConfig.USE_LATEST_VERSION, false)) {
            throw new ConfigException(WireSerdeConfig.USE_LATEST_VERSION, true,
                    "is not supported by " + getClass().getName() + "; use Confluent's serializer for it");
        }
        this.registry = new SchemaRegistryClient(WireSerdeConfig.registryUrls(configs),
                WireSerdeConfig.userInfo(configs));
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("Cannot write a " + data.getClass().getName() + " to " + topic
                    + " as Avro: expected a SpecificRecord or GenericRecord");
        }
        if (registry == null) {
            throw new SerializationException(getClass().getSimpleName() + " is not configured: set "
                    + WireSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        String subject = topic + (isKey ? "-key" : "-value");
        int id = autoRegister ? registry.register(subject, record.getSchema())
                : registry.lookup(subject, record.getSchema());
        return WireFormat.encode(id, record.getSchema(), data);
    }
}
