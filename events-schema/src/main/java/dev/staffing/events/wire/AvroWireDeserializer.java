package dev.staffing.events.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro in the Confluent wire format, finding the writer's schema in the registry by the id in the
 * bytes. With {@code specific.avro.reader=true} it returns the generated class named by the writer schema,
 * read through Avro schema resolution (writer schema to the class's schema); otherwise a GenericRecord.
 * A drop-in for Confluent's {@code KafkaAvroDeserializer}, configured with the same keys.
 *
 * <p>Bytes that are not a wire-format record, name an unknown schema id or hold corrupt Avro throw a
 * {@link SerializationException} saying which; a registry that cannot be reached throws
 * {@link RegistryUnavailableException}.
 */
public class AvroWireDeserializer implements Deserializer<Object> {

    private final Map<Integer, DatumReader<Object>> readersById = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean specific;

    /** For Kafka, which calls {@link #configure(Map, boolean)} next. */
    public AvroWireDeserializer() {
        TrustedEventClasses.install();
    }

    /** For programmatic use: a deserializer over a given client. */
    public AvroWireDeserializer(SchemaRegistryClient registry, boolean specific) {
        this();
        this.registry = registry;
        this.specific = specific;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.specific = WireSerdeConfig.flag(configs, WireSerdeConfig.SPECIFIC_AVRO_READER, false);
        this.registry = WireSerdeConfig.registryClient(configs, isKey);
        readersById.clear();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int schemaId = WireFormat.schemaId(data, topic);
        if (registry == null) {
            throw new SerializationException(getClass().getSimpleName() + " is not configured: set "
                    + WireSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        DatumReader<Object> reader = readersById.get(schemaId);
        if (reader == null) {
            reader = readerFor(schemaId, topic);
            readersById.putIfAbsent(schemaId, reader);
        }
        return WireFormat.decodeBody(data, reader, schemaId, topic);
    }

    private DatumReader<Object> readerFor(int schemaId, String topic) {
        Schema writer = writerSchema(schemaId, topic);
        return specific ? SpecificReaders.readerFor(writer, schemaId, topic) : new GenericDatumReader<>(writer);
    }

    private Schema writerSchema(int schemaId, String topic) {
        try {
            return registry.schemaById(schemaId);
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (SchemaRegistryException e) {
            throw new SchemaRegistryException("Record on topic " + topic + " names schema id " + schemaId
                    + ", which the registry cannot give: " + e.getMessage(), e.httpStatus(), e.errorCode());
        }
    }
}
