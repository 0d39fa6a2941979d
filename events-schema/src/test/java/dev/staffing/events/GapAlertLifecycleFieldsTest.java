package dev.staffing.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.events.wire.TrustedEventClasses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement and escalation fields of a gap alert travel both ways across the 0.1.0 boundary:
 * an alert written by 0.1.0 reads as unacknowledged at level 0, and a 0.1.0 reader still reads a new
 * alert (it skips the fields it does not know), so dashboards can upgrade after the service.
 */
class GapAlertLifecycleFieldsTest {

    private static final Instant OCCURRED = Instant.parse("2026-03-02T10:15:30.123Z");
    private static final Instant ACKNOWLEDGED = Instant.parse("2026-03-02T10:20:00.456Z");
    private static final Instant ESCALATED = Instant.parse("2026-03-02T10:45:30.789Z");

    @BeforeAll
    static void trustTheGeneratedClasses() {
        TrustedEventClasses.install();
    }

    @Test
    void anAlertWrittenByRelease010ReadsAsUnacknowledgedAndNotEscalated() throws IOException {
        Schema released = releasedGapAlert();
        GenericRecord old = new GenericData.Record(released);
        old.put("eventId", "e-1");
        old.put("occurredAt", OCCURRED.toEpochMilli());
        old.put("pool", "default");
        old.put("projectId", "p-1");
        old.put("slotId", "security");
        old.put("seat", 1);
        old.put("persona", "security-engineer");
        old.put("status", new GenericData.EnumSymbol(released.getField("status").schema(), "OPENED"));
        old.put("severity", new GenericData.EnumSymbol(released.getField("severity").schema(), "CRITICAL"));
        old.put("effectiveDate", (int) LocalDate.parse("2026-03-02").toEpochDay());
        old.put("reason", new GenericData.EnumSymbol(released.getField("reason").schema(), "NO_PERSONA_HOLDER"));
        old.put("detail", "no active person holds security-engineer");

        GapAlert read = new SpecificDatumReader<GapAlert>(released, GapAlert.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(binary(new GenericDatumWriter<>(released), old), null));

        assertThat(read.getProjectId()).isEqualTo("p-1");
        assertThat(read.getAcknowledgedBy()).isNull();
        assertThat(read.getAcknowledgedAt()).isNull();
        assertThat(read.getAcknowledgementNote()).isNull();
        assertThat(read.getEscalationLevel()).isZero();
        assertThat(read.getEscalatedAt()).isNull();
    }

    @Test
    void aRelease010ReaderReadsAnAcknowledgedEscalatedAlert() throws IOException {
        Schema released = releasedGapAlert();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(released, GapAlert.getClassSchema()).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        GapAlert alert = GapAlert.newBuilder()
                .setEventId("e-2").setOccurredAt(OCCURRED).setPool("default").setProjectId("p-1")
                .setSlotId("security").setSeat(1).setPersona("security-engineer").setStatus(GapStatus.UPDATED)
                .setSeverity(GapSeverity.CRITICAL).setEffectiveDate(LocalDate.parse("2026-03-02"))
                .setReason(GapReason.NO_PERSONA_HOLDER).setDetail("no active person holds security-engineer")
                .setAcknowledgedBy("manager").setAcknowledgedAt(ACKNOWLEDGED).setAcknowledgementNote("on it")
                .setEscalationLevel(2).setEscalatedAt(ESCALATED)
                .build();
        byte[] written = binary(new SpecificDatumWriter<>(GapAlert.getClassSchema()), alert);

        GenericRecord read = new GenericDatumReader<GenericRecord>(GapAlert.getClassSchema(), released)
                .read(null, DecoderFactory.get().binaryDecoder(written, null));
        GapAlert roundTrip = new SpecificDatumReader<GapAlert>(GapAlert.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(written, null));

        assertThat(read.get("status").toString()).isEqualTo("UPDATED");
        assertThat(read.get("detail").toString()).isEqualTo("no active person holds security-engineer");
        assertThat(read.hasField("acknowledgedBy")).isFalse();
        assertThat(roundTrip.getAcknowledgedBy()).isEqualTo("manager");
        assertThat(roundTrip.getAcknowledgedAt()).isEqualTo(ACKNOWLEDGED);
        assertThat(roundTrip.getAcknowledgementNote()).isEqualTo("on it");
        assertThat(roundTrip.getEscalationLevel()).isEqualTo(2);
        assertThat(roundTrip.getEscalatedAt()).isEqualTo(ESCALATED);
    }

    @Test
    void theGapStatusSymbolsAreStillThoseOfRelease010() throws IOException {
        assertThat(GapStatus.getClassSchema().getEnumSymbols())
                .isEqualTo(releasedGapAlert().getField("status").schema().getEnumSymbols());
    }

    private static <T> byte[] binary(org.apache.avro.io.DatumWriter<T> writer, T datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema releasedGapAlert() throws IOException {
        try (InputStream in = GapAlertLifecycleFieldsTest.class.getResourceAsStream("/released/0.1.0/GapAlert.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }
}
