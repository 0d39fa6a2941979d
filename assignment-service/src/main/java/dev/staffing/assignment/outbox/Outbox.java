package dev.staffing.assignment.outbox;

import static dev.staffing.assignment.storage.SqlArrays.column;

import dev.staffing.assignment.storage.DatabaseKind;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: events are stored in the caller's transaction and relayed to Kafka only
 * after it commits, so a decision and its events are kept or lost together. The events of one transaction
 * are gathered and inserted in one JDBC batch just before it commits (on PostgreSQL in one statement), in the
 * order they were appended.
 */
@Component
public class Outbox {

    private static final String INSERT = "insert into outbox_message (topic, message_key, payload_type, payload,"
            + " headers, created_at) values (?, ?, ?, ?, ?, ?)";
    /**
     * All of a transaction's rows in one statement, on PostgreSQL (see {@link DatabaseKind}), given column by
     * column; their ids are drawn in the order they were appended.
     */
    private static final String INSERT_MANY = """
            insert into outbox_message (topic, message_key, payload_type, payload, headers, created_at)
            select topic, message_key, payload_type, payload, headers, created_at::timestamptz
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bytea[], ?::varchar[], ?::varchar[])
                with ordinality as v(topic, message_key, payload_type, payload, headers, created_at, appended)
            order by appended""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxSignal signal;
    private final DatabaseKind database;
    /** One writer per event schema, made once: making one resolves its schema, which cost more than writing. */
    private final Map<Schema, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();

    Outbox(JdbcTemplate jdbc, Clock clock, OutboxSignal signal, DatabaseKind database) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signal = signal;
        this.database = database;
        TrustedEventClasses.install();
    }

    /**
     * Stores an Avro event record for {@code topic} under {@code key}. Like {@link Propagation#MANDATORY}, it
     * fails outside a transaction; checked here rather than by a proxy, since a batch appends thousands.
     */
    public void append(String topic, String key, SpecificRecord event) {
        requireTransaction();
        pending().add(new Row(topic, key, event.getSchema().getFullName(), avroBinary(event), null, clock.instant()));
    }

    /** Stores bytes to be sent as they are, with headers (the dead-letter path). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendRaw(String topic, String key, byte[] value, Map<String, byte[]> headers) {
        String encodedHeaders = headers.entrySet().stream()
                .map(header -> header.getKey() + ":" + Base64.getEncoder().encodeToString(header.getValue()))
                .collect(Collectors.joining("\n"));
        pending().add(new Row(topic, key, OutboxMessage.RAW, value == null ? new byte[0] : value, encodedHeaders,
                clock.instant()));
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("The outbox stores events only within a transaction");
        }
    }

    /** An appended row, until the transaction is about to commit. */
    private record Row(String topic, String key, String payloadType, byte[] payload, String headers,
            Instant createdAt) {
    }

    /** The rows appended in the current transaction, inserted when it is about to commit. */
    @SuppressWarnings("unchecked")
    private List<Row> pending() {
        List<Row> rows = (List<Row>) TransactionSynchronizationManager.getResource(this);
        if (rows == null) {
            List<Row> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!fresh.isEmpty()) {
                        insert(fresh);
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
            rows = fresh;
        }
        return rows;
    }

    private void insert(List<Row> rows) {
        if (!database.isPostgres()) {
            jdbc.batchUpdate(INSERT, rows.stream().map(row -> new Object[] {row.topic(), row.key(), row.payloadType(),
                    row.payload(), row.headers(), Timestamp.from(row.createdAt())}).toList());
            return;
        }
        jdbc.update(INSERT_MANY, column(rows, Row::topic), column(rows, Row::key), column(rows, Row::payloadType),
                rows.stream().map(Row::payload).toArray(byte[][]::new), column(rows, Row::headers),
                column(rows, row -> row.createdAt().toString()));
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
