package dev.staffing.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.events.EmployeeCapacityChanged;
import dev.staffing.events.EmployeeEvent;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Confluent wire format against byte vectors computed by hand from its definition and Avro's
 * binary encoding, through the seam that takes the schema id directly (no registry).
 */
class WireFormatTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Schema SMALL = new Schema.Parser().parse("""
            {"type":"record","name":"T","fields":[{"name":"id","type":"string"},{"name":"n","type":"long"}]}""");

    /**
     * T("ab", 1) with schema id 42.
     * <pre>
     * 00            magic byte
     * 00 00 00 2a   schema id 42, 4 bytes big-endian
     * 04 61 62      id: string = length as a zig-zag varint (2 -> 4) then UTF-8 'a' 'b'
     * 02            n: long 1, zig-zag 1 -> 2, one varint byte
     * </pre>
     */
    private static final String SMALL_VECTOR = "00" + "0000002a" + "046162" + "02";

    /**
     * EmployeeEvent{eventId "x", occurredAt 1000 ms, sequence 3, pool "d", employeeId "e",
     * payload EmployeeCapacityChanged{fte 0.5}} with schema id 7, fields in schema order.
     * <pre>
     * 00 00000007          magic byte, schema id 7
     * 02 78                eventId: length 1 (zig-zag 2), 'x'
     * d0 0f                occurredAt: timestamp-millis is a long, 1000 -> zig-zag 2000 = 0b1111_1010000:
     *                      low 7 bits 1010000 with the continuation bit -> d0, then 0001111 -> 0f
     * 06                   sequence: long 3 -> zig-zag 6
     * 02 64                pool: "d"
     * 02 65                employeeId: "e"
     * 04                   payload: union branch index 2 (EmployeeHired 0, ProfileChanged 1, CapacityChanged 2),
     *                      written as a zig-zag long -> 4
     * 00 00 00 00 00 00 e0 3f   fte: double 0.5 = 0x3fe0000000000000, IEEE 754 written little-endian
     * </pre>
     */
    private static final String EVENT_VECTOR = "00" + "00000007" + "0278" + "d00f" + "06" + "0264" + "0265" + "04"
            + "000000000000e03f";

    @BeforeAll
    static void trustTheGeneratedClasses() {
        TrustedEventClasses.install();
    }

    @Test
    void genericRecordEncodesToTheHandComputedBytes() {
        GenericRecord record = new GenericData.Record(SMALL);
        record.put("id", "ab");
        record.put("n", 1L);

        assertThat(HEX.formatHex(WireFormat.encode(42, record))).isEqualTo(SMALL_VECTOR);
    }

    @Test
    void handComputedBytesDecodeToTheGenericRecord() {
        byte[] bytes = HEX.parseHex(SMALL_VECTOR);

        assertThat(WireFormat.schemaId(bytes, "t")).isEqualTo(42);
        GenericRecord record = (GenericRecord) WireFormat.decodeBody(bytes, new GenericDatumReader<>(SMALL), 42, "t");
        assertThat(record.get("id")).hasToString("ab");
        assertThat(record.get("n")).isEqualTo(1L);
    }

    @Test
    void generatedEventEncodesToTheHandComputedBytes() {
        assertThat(HEX.formatHex(WireFormat.encode(7, capacityChanged()))).isEqualTo(EVENT_VECTOR);
    }

    @Test
    void handComputedBytesDecodeToTheGeneratedEvent() {
        byte[] bytes = HEX.parseHex(EVENT_VECTOR);

        assertThat(WireFormat.schemaId(bytes, "employee-events")).isEqualTo(7);
        Object decoded = WireFormat.decodeBody(bytes,
                SpecificReaders.readerFor(EmployeeEvent.getClassSchema(), 7, "employee-events"), 7, "employee-events");
        assertThat(decoded).isEqualTo(capacityChanged());
    }

    @Test
    void wrongMagicByteIsNamedWithTheTopic() {
        assertThatThrownBy(() -> WireFormat.schemaId(HEX.parseHex("7b22696422"), "employee-events"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("starts with byte 0x7b").hasMessageContaining("magic byte 0x00")
                .hasMessageContaining("employee-events");
    }

    @Test
    void recordShorterThanTheHeaderIsNamedWithItsLength() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0}, "employee-events"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("has 2 bytes").hasMessageContaining("5-byte").hasMessageContaining("employee-events");
    }

    @Test
    void emptyRecordIsTooShortNotAnIndexError() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[0], "t"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("has 0 bytes");
    }

    @Test
    void truncatedBodyIsReportedAsCorruptWithItsSchemaId() {
        byte[] truncated = HEX.parseHex(EVENT_VECTOR.substring(0, EVENT_VECTOR.length() - 6));

        assertThatThrownBy(() -> WireFormat.decodeBody(truncated,
                SpecificReaders.readerFor(EmployeeEvent.getClassSchema(), 7, "t"), 7, "employee-events"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 7").hasMessageContaining("employee-events")
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void lengthPrefixPastTheEndIsCorruptNotAnAllocation() {
        // id claims a string of 1,000,000,000 bytes (zig-zag 2e9 = varint 80 a8 d6 b9 07) in a 7-byte body
        byte[] corrupt = HEX.parseHex("000000002a" + "80a8d6b907" + "6162");

        assertThatThrownBy(() -> WireFormat.decodeBody(corrupt, new GenericDatumReader<>(SMALL), 42, "t"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated or corrupt");
    }

    @Test
    void bytesLeftOverAfterTheBodyAreReported() {
        byte[] longer = HEX.parseHex(SMALL_VECTOR + "00");

        assertThatThrownBy(() -> WireFormat.decodeBody(longer, new GenericDatumReader<>(SMALL), 42, "t"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("left over");
    }

    private static EmployeeEvent capacityChanged() {
        return EmployeeEvent.newBuilder().setEventId("x").setOccurredAt(Instant.ofEpochMilli(1000))
                .setSequence(3).setPool("d").setEmployeeId("e")
                .setPayload(EmployeeCapacityChanged.newBuilder().setFte(0.5).build()).build();
    }
}
