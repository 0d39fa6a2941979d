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
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The Confluent wire format against byte vectors computed by hand from its definition and Avro's. */
class WireFormatTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Schema SMALL = new Schema.Parser().parse("""
            {"type":"record","name":"T","fields":[{"name":"id","type":"string"},{"name":"n","type":"long"}]}""");

    /**
     * ("ab", 1) with schema id 42:
     * 00          magic byte
     * 00 00 00 2a schema id 42, big-endian
     * 04 61 62    string: zig-zag varint length 2 -> 0x04, then UTF-8 'a' 'b'
     * 02          long 1: zig-zag 1 -> 2
     */
    private static final String SMALL_VECTOR = "000000002a046162" + "02";

    /**
     * EmployeeEvent{eventId "x", occurredAt 1000 ms, sequence 3, pool "d", employeeId "e",
     * payload EmployeeCapacityChanged{fte 0.5}} with schema id 7:
     * 00 00000007          header
     * 02 78                eventId: length 1 -> 02, 'x'
     * d0 0f                occurredAt: long 1000, zig-zag 2000 = 0b11111010000 -> varint d0 0f
     * 06                   sequence: long 3 -> zig-zag 6
     * 02 64                pool: "d"
     * 02 65                employeeId: "e"
     * 04                   payload: union branch 2 (EmployeeCapacityChanged) -> zig-zag 4
     * 00 00 00 00 00 00 e0 3f   fte: double 0.5, IEEE 754 little-endian (0x3fe0000000000000)
     */
    private static final String EVENT_VECTOR = "0000000007" + "0278" + "d00f" + "06" + "0264" + "0265" + "04"
            + "000000000000e03f";

    @Test
    void genericRecordEncodesToTheHandComputedBytes() {
        GenericRecord record = new GenericData.Record(SMALL);
        record.put("id", "ab");
        record.put("n", 1L);

        assertThat(HEX.formatHex(WireFormat.encode(42, SMALL, record))).isEqualTo(SMALL_VECTOR);
    }

    @Test
    void handComputedBytesDecodeToTheGenericRecord() {
        byte[] bytes = HEX.parseHex(SMALL_VECTOR);

        assertThat(WireFormat.schemaId(bytes, "t")).isEqualTo(42);
        GenericRecord record = (GenericRecord) WireFormat.decodeBody(bytes, new GenericDatumReader<>(SMALL), 42, "t");
        assertThat(record.get("id").toString()).isEqualTo("ab");
        assertThat(record.get("n")).isEqualTo(1L);
    }

    @Test
    void generatedEventEncodesToTheHandComputedBytesAndBack() {
        TrustedEventClasses.install();
        EmployeeEvent event = EmployeeEvent.newBuilder().setEventId("x").setOccurredAt(Instant.ofEpochMilli(1000))
                .setSequence(3).setPool("d").setEmployeeId("e")
                .setPayload(EmployeeCapacityChanged.newBuilder().setFte(0.5).build()).build();

        byte[] bytes = WireFormat.encode(7, EmployeeEvent.getClassSchema(), event);

        assertThat(HEX.formatHex(bytes)).isEqualTo(EVENT_VECTOR);
        Object decoded = WireFormat.decodeBody(bytes, new SpecificDatumReader<>(EmployeeEvent.getClassSchema(),
                EmployeeEvent.getClassSchema(), SpecificData.getForSchema(EmployeeEvent.getClassSchema())), 7, "t");
        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void wrongMagicByteIsNamed() {
        assertThatThrownBy(() -> WireFormat.schemaId(HEX.parseHex("0100000001"), "employee-events"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("starts with byte 1").hasMessageContaining("employee-events");
    }

    @Test
    void recordShorterThanTheHeaderIsNamed() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0}, "t"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2 bytes");
    }

    @Test
    void truncatedBodyIsReportedAsCorrupt() {
        byte[] truncated = HEX.parseHex(SMALL_VECTOR.substring(0, SMALL_VECTOR.length() - 4));

        assertThatThrownBy(() -> WireFormat.decodeBody(truncated, new GenericDatumReader<>(SMALL), 42, "t"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 42").hasMessageContaining("truncated or corrupt");
    }

    @Test
    void nonAvroValueIsRefusedWithItsType() {
        AvroWireSerializer serializer = new AvroWireSerializer(null, true);

        assertThatThrownBy(() -> serializer.serialize("t", "plain string"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.String");
    }
}
