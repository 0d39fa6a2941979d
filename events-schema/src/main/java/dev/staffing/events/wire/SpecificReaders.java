package dev.staffing.events.wire;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/** Readers into the generated class that the writer schema names, as {@code specific.avro.reader=true} asks. */
final class SpecificReaders {

    private SpecificReaders() {
    }

    static SpecificDatumReader<Object> readerFor(Schema writer, int schemaId, String topic) {
        String where = " (schema id " + schemaId + ", topic " + topic + ")";
        Class<?> generated = generatedClass(writer, where);
        SpecificData model = SpecificData.getForClass(generated);
        Schema reader = model.getSchema(generated);
        SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Generated class " + generated.getName() + " cannot read records written"
                    + " with " + writer.getFullName() + where + ": " + compatibility.getDescription());
        }
        return new SpecificDatumReader<>(writer, reader, model);
    }

    private static Class<?> generatedClass(Schema writer, String where) {
        if (writer.getType() != Schema.Type.RECORD) {
            throw new SerializationException("specific.avro.reader needs a record schema, but the writer's is a "
                    + writer.getType() + where);
        }
        Class<?> generated;
        try {
            generated = SpecificData.get().getClass(writer);
        } catch (SecurityException e) {
            throw new SerializationException("Avro does not trust class " + writer.getFullName() + where
                    + "; add its package to the system property org.apache.avro.SERIALIZABLE_PACKAGES", e);
        }
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new SerializationException("No generated class " + writer.getFullName() + " on the classpath"
                    + where + "; set specific.avro.reader=false to read generic records");
        }
        return generated;
    }
}
