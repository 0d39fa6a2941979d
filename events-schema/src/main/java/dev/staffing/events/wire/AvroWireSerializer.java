package dev.staffing.events.wire;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated SpecificRecords or GenericRecords) in the Confluent wire format,
 * registering their schema under {@code <topic>-value} (or {@code <topic>-key}) first. A drop-in for
 * Confluent's {@code KafkaAvroSerializer} for these uses, configured with the same keys
 * ({@link WireSerdeConfig}). Null is written as null, so tombstones pass through.
 *
 * <p>Registry failures surface as {@link SchemaRegistryException}; {@link RegistryUnavailableException}
 * where retrying may help.
 */
public class AvroWireSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;

    /** For Kafka, which calls {@link #configure(Map, boolean)} next. */
    public AvroWireSerializer() {
        TrustedEventClasses.install();
    }

    /** For programmatic use: a value serializer over a given client. */
    public AvroWireSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this();
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (WireSerdeConfig.flag(configs, WireSerdeConfig.USE_LATEST_VERSION, false)) {
            throw new ConfigException(WireSerdeConfig.USE_LATEST_VERSION, true, "is not supported by "
                    + getClass().getName() + "; leave it false, or use Confluent's KafkaAvroSerializer for it");
        }
        this.isKey = isKey;
        this.autoRegister = WireSerdeConfig.flag(configs, WireSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        this.registry = WireSerdeConfig.registryClient(configs, isKey);
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
        return WireFormat.encode(schemaId(topic, record.getSchema()), record);
    }

    /**
     * What {@link #serialize} writes for a record of {@code schema} whose Avro binary is {@code avroBinary}
     * already (written with that schema, no header): the header, then the bytes as they are. For a store of
     * encoded events (a transactional outbox) that would otherwise decode each one only to write it again.
     */
    public byte[] serializeEncoded(String topic, Schema schema, byte[] avroBinary) {
        return WireFormat.withHeader(schemaId(topic, schema), avroBinary);
    }

    private int schemaId(String topic, Schema schema) {
        if (registry == null) {
            throw new SerializationException(getClass().getSimpleName() + " is not configured: set "
                    + WireSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        String subject = topic + (isKey ? "-key" : "-value");
        return autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
    }
}
