package dev.staffing.assignment.outbox;

import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.GapAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns stored Avro binary back into the event record that the configured Kafka serializer sends (or names the
 * schema it was written with, where the relay sends it as it is), with one
 * reader per event type made once (a reader resolves its schema when made, which cost more than reading).
 */
final class OutboxPayloads {

    private final Map<String, SpecificDatumReader<SpecificRecord>> readers = Map.of(
            AssignmentEvent.getClassSchema().getFullName(), reader(AssignmentEvent.getClassSchema()),
            GapAlert.getClassSchema().getFullName(), reader(GapAlert.getClassSchema()));

    /** The schema the message's payload was written with. */
    Schema schemaOf(OutboxMessage message) {
        return readerOf(message).getSchema();
    }

    private SpecificDatumReader<SpecificRecord> readerOf(OutboxMessage message) {
        SpecificDatumReader<SpecificRecord> reader = readers.get(message.payloadType());
        if (reader == null) {
            throw new IllegalStateException("Outbox message " + message.id() + " has unknown payload type "
                    + message.payloadType());
        }
        return reader;
    }

    private static SpecificDatumReader<SpecificRecord> reader(Schema schema) {
        return new SpecificDatumReader<>(schema);
    }

    SpecificRecord decode(OutboxMessage message) {
        SpecificDatumReader<SpecificRecord> reader = readerOf(message);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(message.payload(), null));
        } catch (IOException e) {
            throw new UncheckedIOException("Outbox message " + message.id() + " could not be decoded", e);
        }
    }
}
