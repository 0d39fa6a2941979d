package dev.staffing.assignment.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreContext;
import dev.staffing.assignment.storage.StoreDatabase;
import dev.staffing.assignment.storage.StoreScenarios;
import dev.staffing.events.AssignmentChange;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.AssignmentReason;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.IllegalTransactionStateException;

class OutboxTest {

    /** Rows of at most three messages, so that a transaction of a few messages spans several rows. */
    private static final int MESSAGES_PER_ROW = 3;

    /** The outbox's settings (not a @Configuration: a bean method alone). */
    static class RowsOfThree {
        @Bean
        OutboxProperties outboxProperties() {
            return new OutboxProperties(Duration.ofMillis(200), MESSAGES_PER_ROW, Duration.ofSeconds(30));
        }
    }

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(StoreDatabase.Kind.H2);
        }
    }

    @Nested
    @EnabledIfTestPostgres
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(StoreDatabase.Kind.POSTGRES);
        }

        @Test
        void payloadsOfManyMessagesAreCompressedWithLz4WhereTheServerHasIt() {
            boolean lz4 = store.jdbc().sql("select 'lz4' = any(enumvals) from pg_settings"
                    + " where name = 'default_toast_compression'").query(Boolean.class).single();
            String compression = store.jdbc().sql("select attcompression from pg_attribute"
                    + " where attrelid = 'outbox_message'::regclass and attname = 'payload'").query(String.class)
                    .single();
            assertThat("l".equals(compression)).as("lz4 where the server has it (%s), else the default", lz4)
                    .isEqualTo(lz4);
        }
    }

    abstract static class Scenarios extends StoreScenarios {

        Scenarios(StoreDatabase.Kind kind) {
            super(kind, Outbox.class, OutboxSignal.class, RowsOfThree.class);
        }

        private Outbox outbox() {
            return store.bean(Outbox.class);
        }

        @BeforeEach
        void emptyOutbox() {
            store.jdbc().sql("delete from outbox_message").update();
        }

        private static AssignmentEvent assigned(String eventId) {
            return AssignmentEvent.newBuilder().setEventId(eventId)
                    .setOccurredAt(Instant.parse("2026-03-02T09:00:00Z")).setCausationId(null).setPool("pool-1")
                    .setProjectId("project-1").setSlotId("backend").setSeat(2).setPersona("backend-engineer")
                    .setEmployeeId("e-7").setAllocation(0.5).setChange(AssignmentChange.ASSIGNED)
                    .setReason(AssignmentReason.OPEN_SEAT_FILLED).setDetail("e-7 fills backend/2").build();
        }

        /** Every stored message, in the order the relay sends them. */
        private List<OutboxMessage> stored() {
            List<OutboxMessage> messages = new ArrayList<>();
            store.jdbc().sql("select id, topic, message_key, payload_type, payload, headers, created_at"
                    + " from outbox_message order by id").query(rs -> {
                        messages.addAll(OutboxMessages.messagesOfRow(rs));
                    });
            return messages;
        }

        /** How many rows are stored. */
        private long count() {
            return store.jdbc().sql("select count(*) from outbox_message").query(Long.class).single();
        }

        @Test
        void eventsAreStoredAtCommitInTheOrderTheyWereAppended() {
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("kafka_dlt-exception-message", "could not decode".getBytes(StandardCharsets.UTF_8));
            headers.put("empty", new byte[0]);
            List<Long> seenBeforeCommit = new ArrayList<>();

            store.inTransaction(() -> {
                outbox().append("assignment-events", "project-1", assigned("ev-1"));
                outbox().appendRaw("staffing-dead-letter", "e-9", new byte[] {0, 1, 2, (byte) 0xff}, headers);
                outbox().appendRaw("staffing-dead-letter", null, null, Map.of());
                outbox().append("assignment-events", "project-1", assigned("ev-2"));
                seenBeforeCommit.add(count());
            });

            assertThat(seenBeforeCommit).as("rows inserted before the transaction was about to commit")
                    .containsExactly(0L);
            List<OutboxMessage> stored = stored();
            assertThat(stored).extracting(OutboxMessage::topic, OutboxMessage::messageKey, OutboxMessage::payloadType)
                    .containsExactly(
                            tuple("assignment-events", "project-1",
                                    AssignmentEvent.getClassSchema().getFullName()),
                            tuple("staffing-dead-letter", "e-9", OutboxMessage.RAW),
                            tuple("staffing-dead-letter", null, OutboxMessage.RAW),
                            tuple("assignment-events", "project-1",
                                    AssignmentEvent.getClassSchema().getFullName()));
            assertThat(new OutboxPayloads().decode(stored.get(0))).isEqualTo(assigned("ev-1"));
            assertThat(new OutboxPayloads().decode(stored.get(3))).isEqualTo(assigned("ev-2"));
            assertThat(stored.get(1).payload()).containsExactly(0, 1, 2, 0xff);
            assertThat(Outbox.decodeHeaders(stored.get(1).headers())).containsOnlyKeys(headers.keySet())
                    .allSatisfy((name, value) -> assertThat(value).isEqualTo(headers.get(name)));
            assertThat(stored.get(2).payload()).isEmpty();
            assertThat(Outbox.decodeHeaders(stored.get(2).headers())).isEmpty();
            assertThat(stored).extracting(OutboxMessage::createdAt).containsOnly(StoreContext.NOW);
        }

        @Test
        void aTransactionThatRollsBackStoresNothing() {
            store.transactions().executeWithoutResult(status -> {
                outbox().append("assignment-events", "project-1", assigned("ev-rolled-back"));
                status.setRollbackOnly();
            });
            assertThatThrownBy(() -> store.inTransaction(() -> {
                outbox().appendRaw("staffing-dead-letter", "k", new byte[] {1}, Map.of());
                throw new IllegalStateException("the decision failed");
            })).hasMessage("the decision failed");

            assertThat(count()).isZero();
        }

        @Test
        void eachTransactionStoresOnlyItsOwnEvents() {
            store.transactions().executeWithoutResult(status -> {
                outbox().append("assignment-events", "project-1", assigned("ev-lost"));
                status.setRollbackOnly();
            });
            store.inTransaction(() -> outbox().append("assignment-events", "project-1", assigned("ev-a")));
            store.inTransaction(() -> outbox().append("assignment-events", "project-1", assigned("ev-b")));

            assertThat(stored()).extracting(message -> ((AssignmentEvent) new OutboxPayloads().decode(message)).getEventId())
                    .containsExactly("ev-a", "ev-b");
        }

        @Test
        void moreThanAThousandEventsOfOneTransactionKeepTheirOrder() {
            List<String> keys = IntStream.range(0, 2_500).mapToObj(i -> "key-" + i).toList();

            store.inTransaction(() -> keys.forEach(key -> outbox().appendRaw("staffing-dead-letter", key,
                    key.getBytes(StandardCharsets.UTF_8), Map.of())));

            assertThat(stored()).extracting(OutboxMessage::messageKey).containsExactlyElementsOf(keys);
            assertThat(count()).as("rows of %s messages", MESSAGES_PER_ROW).isEqualTo(834);
            assertThat(store.jdbc().sql("select sum(message_count) from outbox_message").query(Long.class).single())
                    .isEqualTo(2_500);
        }

        @Test
        void aRowWrittenBeforeRowsHeldManyMessagesIsReadAsOneMessage() {
            store.jdbc().sql("insert into outbox_message (topic, message_key, payload_type, payload, headers,"
                    + " created_at) values ('staffing-dead-letter', 'e-1', 'raw', ?, null, ?)")
                    .params(new byte[] {7}, Timestamp.from(StoreContext.NOW)).update();
            store.inTransaction(() -> outbox().appendRaw("staffing-dead-letter", "e-2", new byte[] {8}, Map.of()));

            assertThat(stored()).extracting(OutboxMessage::messageKey, message -> message.payload()[0])
                    .containsExactly(tuple("e-1", (byte) 7), tuple("e-2", (byte) 8));
            assertThat(store.jdbc().sql("select message_count from outbox_message order by id").query(Integer.class)
                    .list()).containsExactly(1, 1);
        }

        @Test
        void appendingNeedsTheCallersTransaction() {
            assertThatThrownBy(() -> outbox().append("assignment-events", "project-1", assigned("ev-no-tx")))
                    .isInstanceOf(IllegalTransactionStateException.class);
            assertThatThrownBy(() -> outbox().appendRaw("staffing-dead-letter", "k", new byte[] {1}, Map.of()))
                    .isInstanceOf(IllegalTransactionStateException.class);
            assertThat(count()).isZero();
        }
    }
}
