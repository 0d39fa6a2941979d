package dev.staffing.events.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro in the Confluent wire format, finding the writer's schema in the registry by the id in
 * the bytes. With {@code specific.avro.reader=true} it returns the generated class named by the writer
 * schema, read through Avro schema resolution; otherwise a GenericRecord.
 */
public class AvroWireDeserializer implements Deserializer<Object> {

    private final Map<Integer, DatumReader<Object>> readersById = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean specific;

    public AvroWireDeserializer() {
        TrustedEventClasses.install();
    }

    /** For tests and programmatic use: a deserializer over a given client. */
    public AvroWireDeserializer(SchemaRegistryClient registry, boolean specific) {
        TrustedEventClasses.install();
        this.registry = registry;
        this.specific = specific;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.specific = WireSerdeConfig.flag(configs, WireSerdeConfig.SPECIFIC_AVRO_READER, false);
        this.registry = new SchemaRegistryClient(WireSerdeConfig.registryUrls(configs),
                WireSerdeConfig.userInfo(configs));
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int schemaId = WireFormat.schemaId(data, topic);
        DatumReader<Object> reader = readersById.computeIfAbsent(schemaId, id -> readerFor(id, topic));
        return WireFormat.decodeBody(data, reader, schemaId, topic);
    }

    private DatumReader<Object> readerFor(int schemaId, String topic) {
        Schema writer;
        try {
            writer = registry.schemaById(schemaId);
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (SchemaRegistryException e) {
            throw new SchemaRegistryException("Record on " + topic + " names schema id " + schemaId
                    + ", which the registry does not know: " + e.getMessage(), e.httpStatus());
        }
        if (!specific) {
            return new GenericDatumReader<>(writer);
        }
        SpecificData data = SpecificData.get();
        Class<?> generated = data.getClass(writer);
        if (generated == null || generated == Object.class) {
            throw new SerializationException("No generated class for " + writer.getFullName() + " (schema id "
                    + schemaId + ", topic " + topic + ") on the classpath; set specific.avro.reader=false for "
                    + "generic records");
        }
        return new SpecificDatumReader<>(writer, data.getSchema(generated), data);
    }
}
