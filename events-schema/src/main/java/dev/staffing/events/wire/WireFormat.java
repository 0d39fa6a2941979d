package dev.staffing.events.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent wire format: magic byte 0, the schema id as 4 big-endian bytes, then Avro binary. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static byte[] encode(int schemaId, Schema schema, Object record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            if (record instanceof SpecificRecord) {
                new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema)).write(record, encoder);
            } else {
                new GenericDatumWriter<>(schema).write(record, encoder);
            }
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not write a " + schema.getFullName() + " as Avro: " + e, e);
        }
        return out.toByteArray();
    }

    /** The schema id of wire-format bytes; says what is wrong with bytes that are not in the format. */
    static int schemaId(byte[] data, String topic) {
        if (data.length < HEADER_LENGTH) {
            throw new SerializationException("Record on " + topic + " has " + data.length
                    + " bytes, fewer than the 5-byte Confluent wire-format header");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException("Record on " + topic + " starts with byte " + (data[0] & 0xff)
                    + ", not the Confluent wire-format magic byte 0");
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    static Object decodeBody(byte[] data, DatumReader<Object> reader, int schemaId, String topic) {
        try {
            var decoder = DecoderFactory.get().binaryDecoder(data, HEADER_LENGTH, data.length - HEADER_LENGTH, null);
            Object value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Record on " + topic + " with schema id " + schemaId + " has "
                        + "bytes left over after its Avro body");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException serialization) {
                throw serialization;
            }
            throw new SerializationException("Record on " + topic + " with schema id " + schemaId
                    + " is not valid Avro for that schema (truncated or corrupt): " + e, e);
        }
    }
}
