package dev.staffing.assignment.outbox;

import dev.staffing.events.wire.TrustedEventClasses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: events are stored in the caller's transaction and relayed to Kafka only
 * after it commits, so a decision and its events are kept or lost together. The events of one transaction
 * are gathered and stored just before it commits, in the order they were appended, in rows of up to the
 * relay's batch size (see {@link OutboxFrames}).
 */
@Component
public class Outbox {

    private static final String INSERT = "insert into outbox_message (topic, message_key, payload_type, payload,"
            + " headers, created_at, message_count) values ('', null, '" + OutboxFrames.TYPE + "', ?, null, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxSignal signal;
    private final int messagesPerRow;
    /** One writer per event schema, made once: making one resolves its schema, which cost more than writing. */
    private final Map<Schema, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();

    Outbox(JdbcTemplate jdbc, Clock clock, OutboxSignal signal, OutboxProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signal = signal;
        this.messagesPerRow = properties.batchSize();
        TrustedEventClasses.install();
    }

    /**
     * Stores an Avro event record for {@code topic} under {@code key}. Like {@link Propagation#MANDATORY}, it
     * fails outside a transaction (as {@link #appendRaw} does); checked here rather than by a proxy, since a
     * batch appends thousands.
     */
    public void append(String topic, String key, SpecificRecord event) {
        requireTransaction();
        pending().add(new OutboxFrames.Message(topic, key, event.getSchema().getFullName(), avroBinary(event), null));
    }

    /** Stores bytes to be sent as they are, with headers (the dead-letter path); fails outside a transaction. */
    public void appendRaw(String topic, String key, byte[] value, Map<String, byte[]> headers) {
        requireTransaction();
        String encodedHeaders = headers.entrySet().stream()
                .map(header -> header.getKey() + ":" + Base64.getEncoder().encodeToString(header.getValue()))
                .collect(Collectors.joining("\n"));
        pending().add(new OutboxFrames.Message(topic, key, OutboxMessage.RAW, value == null ? new byte[0] : value,
                encodedHeaders));
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("The outbox stores events only within a transaction");
        }
    }

    /** The messages appended in the current transaction, stored when it is about to commit. */
    @SuppressWarnings("unchecked")
    private List<OutboxFrames.Message> pending() {
        List<OutboxFrames.Message> messages =
                (List<OutboxFrames.Message>) TransactionSynchronizationManager.getResource(this);
        if (messages == null) {
            List<OutboxFrames.Message> fresh = new ArrayList<>();
            Instant began = clock.instant();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!fresh.isEmpty()) {
                        insert(fresh, began);
                    }
                }

                @Override
                public void afterCommit() {
                    if (!fresh.isEmpty()) {
                        signal.committed();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                }
            });
            messages = fresh;
        }
        return messages;
    }

    /** One row per {@link #messagesPerRow} messages, in one JDBC batch: their ids follow the order appended. */
    private void insert(List<OutboxFrames.Message> messages, Instant createdAt) {
        Timestamp at = Timestamp.from(createdAt);
        List<Object[]> rows = new ArrayList<>(messages.size() / messagesPerRow + 1);
        for (int from = 0; from < messages.size(); from += messagesPerRow) {
            List<OutboxFrames.Message> chunk = messages.subList(from, Math.min(messages.size(), from + messagesPerRow));
            rows.add(new Object[] {OutboxFrames.encode(chunk), at, chunk.size()});
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    static Map<String, byte[]> decodeHeaders(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return encoded.lines().map(line -> line.split(":", 2)).collect(Collectors.toMap(
                parts -> parts[0], parts -> Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII)),
                (first, second) -> second, java.util.LinkedHashMap::new));
    }

    private byte[] avroBinary(SpecificRecord event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(event.getSchema(), SpecificDatumWriter::new).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + event.getSchema().getFullName(), e);
        }
    }
}
