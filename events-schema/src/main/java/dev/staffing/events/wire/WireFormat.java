package dev.staffing.events.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as 4 big-endian bytes, then the Avro binary
 * encoding of the record. The schema id is passed in, which is the seam the byte-vector tests use.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static byte[] encode(int schemaId, GenericContainer record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(record).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not write a " + record.getSchema().getFullName()
                    + " as Avro with schema id " + schemaId + ": " + e, e);
        }
        return out.toByteArray();
    }

    /** Avro binary already written, behind the header of {@code schemaId}. */
    static byte[] withHeader(int schemaId, byte[] avroBinary) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length).put(MAGIC_BYTE).putInt(schemaId).put(avroBinary)
                .array();
    }

    /** Generated classes are written with their own model, which carries their logical-type conversions. */
    private static DatumWriter<Object> writerFor(GenericContainer record) {
        if (record instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(record.getClass()));
        }
        return new GenericDatumWriter<>(record.getSchema(), GenericData.get());
    }

    /** The schema id of wire-format bytes; says what is wrong with bytes that are not in the format. */
    static int schemaId(byte[] data, String topic) {
        if (data.length < HEADER_LENGTH) {
            throw new SerializationException("Record on topic " + topic + " has " + data.length
                    + " bytes, fewer than the 5-byte Confluent wire-format header (magic byte 0, 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Record on topic %s starts with byte 0x%02x, not the "
                    + "Confluent wire-format magic byte 0x00: not written by an Avro wire-format serializer",
                    topic, data[0] & 0xff));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    static Object decodeBody(byte[] data, DatumReader<Object> reader, int schemaId, String topic) {
        int bodyLength = data.length - HEADER_LENGTH;
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_LENGTH, bodyLength, null);
        Object value;
        try {
            value = reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Record on topic " + topic + " with schema id " + schemaId + " ("
                    + bodyLength + " bytes of Avro) is not valid Avro for that schema (truncated or corrupt): " + e, e);
        }
        if (!isEnd(decoder)) {
            throw new SerializationException("Record on topic " + topic + " with schema id " + schemaId
                    + " has bytes left over after its Avro body (" + bodyLength + " bytes): corrupt, or the wrong id");
        }
        return value;
    }

    private static boolean isEnd(BinaryDecoder decoder) {
        try {
            return decoder.isEnd();
        } catch (IOException e) {
            return false;
        }
    }
}
