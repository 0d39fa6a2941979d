package dev.staffing.assignment.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.GapAlert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fault injection against a real broker, registry and PostgreSQL, the service running in JVMs of its own:
 * one stream of 20,000 events is processed once without faults (the reference), then again
 * <ol>
 *   <li>while the service is killed without warning ({@code kill -9}) at seeded random points three times
 *   and started again;</li>
 *   <li>with every event delivered twice, some duplicates a wave late, and the topics interleaved
 *   differently;</li>
 *   <li>by two instances in one consumer group, one of them killed mid-stream.</li>
 * </ol>
 * Each must end with the reference's assignments and open gaps, and publish every event the reference
 * published, under the same id and with the same content, and nothing else (no two distinct events with
 * one id). {@code -Dstaffing.faults.long=true} runs 100,000 events and ten crashes.
 *
 * <p>The events come in waves of one per staffing pool ({@link WaveStream}) and each wave is processed
 * before the next is sent, so every run decides every pool at the same points whatever its batches,
 * restarts and redeliveries; the clock is fixed. Runs where STAFFING_TEST_POSTGRES_URL names a server (CI
 * sets it).
 */
@EnabledIfEnvironmentVariable(named = "STAFFING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "STAFFING_TEST_POSTGRES_URL is not set: the fault-injection runs need a PostgreSQL server "
                + "(CI sets it to jdbc:postgresql://127.0.0.1:5432/test)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {

    private static final boolean LONG = Boolean.getBoolean("staffing.faults.long");
    private static final int EVENTS = Integer.getInteger("staffing.faults.events", LONG ? 100_000 : 20_000);
    private static final int CRASHES = Integer.getInteger("staffing.faults.crashes", LONG ? 10 : 3);
    private static final int POOLS = Integer.getInteger("staffing.faults.pools", 250);
    private static final long SEED = Long.getLong("staffing.faults.seed", 20261126L);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String CLOCK = TODAY.atTime(8, 0).toInstant(ZoneOffset.UTC).toString();
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String URL = System.getenv("STAFFING_TEST_POSTGRES_URL");

    /** The forked services' output, kept for a failure's post-mortem. */
    private final Path logs = Path.of("target", "fault-logs");
    private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
    private WaveStream stream;
    private Outcome reference;

    @BeforeAll
    void runWithoutFaults() {
        stream = WaveStream.generate(SEED, TODAY, POOLS, EVENTS);
        reference = new Run("reference").execute();
        assertThat(reference.assignments()).as("a stream that fills many seats").hasSizeGreaterThan(EVENTS / 20);
        assertThat(reference.openGaps()).as("and leaves some open").isNotEmpty();
        assertThat(reference.sharedIds()).as("ids shared by distinct events, without faults").isZero();
    }

    @Test
    void killedWithoutWarningMidStreamItEndsAsARunWithoutCrashes() {
        Random random = new Random(SEED + 1);
        Run run = new Run("crashed");
        while (run.crashWaves.size() < CRASHES) {
            run.crashWaves.add(1 + random.nextInt(stream.waves().size() - 1));
        }
        Outcome crashed = run.execute();

        assertThat(crashed.starts()).isEqualTo(CRASHES + 1);
        assertSameAsReference(crashed, CRASHES + " crashes (kill -9)");
    }

    @Test
    void everyEventDeliveredTwiceAndTopicsInterleavedOtherwiseEndsTheSame() {
        Run run = new Run("duplicated");
        run.duplicated = true;
        Outcome duplicated = run.execute();

        assertSameAsReference(duplicated, "every event twice, some a wave late, topics shuffled");
        assertThat(duplicated.copies()).as("duplicates applied once: nothing published twice")
                .isEqualTo(duplicated.eventsById().size());
    }

    @Test
    void twoInstancesOneKilledMidStreamEndAsOne() {
        Run run = new Run("two-instances");
        run.instances = 2;
        run.killSecondAtWave = stream.waves().size() / 2;
        Outcome twoInstances = run.execute();

        assertSameAsReference(twoInstances, "two instances, one killed at wave " + run.killSecondAtWave);
    }

    private void assertSameAsReference(Outcome outcome, String faults) {
        Map<String, String> expected = reference.eventsById();
        Map<String, String> published = outcome.eventsById();
        List<String> lost = expected.keySet().stream().filter(id -> !published.containsKey(id)).toList();
        List<String> unexpected = published.keySet().stream().filter(id -> !expected.containsKey(id)).toList();
        System.out.printf("fault injection (%s): %,d events in %,d waves over %d pools; %,d outgoing events expected, "
                + "lost %d, unexpected %d, ids shared by distinct events %d, copies delivered again %,d%n", faults,
                EVENTS, stream.waves().size(), POOLS, expected.size(), lost.size(), unexpected.size(),
                outcome.sharedIds(), outcome.copies() - published.size());
        assertThat(outcome.assignments()).as("assignments after %s", faults)
                .containsExactlyEntriesOf(reference.assignments());
        assertThat(outcome.openGaps()).as("open gaps after %s", faults).containsExactlyEntriesOf(reference.openGaps());
        assertThat(outcome.sharedIds()).as("ids shared by distinct events after %s", faults).isZero();
        assertThat(lost).as("outgoing events lost after %s", faults).isEmpty();
        assertThat(unexpected).as("outgoing events the reference did not publish, after %s", faults).isEmpty();
        assertThat(published).as("the same events under the same ids after %s", faults)
                .containsExactlyEntriesOf(expected);
    }

    /** One processing of the stream: its database schema, topics and consumer group, and its faults. */
    private final class Run {

        private final String name;
        private final String suffix;
        private final String url;
        private final String user = System.getenv().getOrDefault("STAFFING_TEST_POSTGRES_USER", "postgres");
        private final String password = System.getenv().getOrDefault("STAFFING_TEST_POSTGRES_PASSWORD", "");
        private final Set<Integer> crashWaves = new TreeSet<>();
        private final Random random = new Random(SEED + 2);
        private boolean duplicated;
        private int instances = 1;
        private int killSecondAtWave = -1;

        Run(String name) {
            this.name = name;
            this.suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            String schema = TestPostgresSchemas.name("faults", suffix);
            this.url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        Outcome execute() {
            Map<String, Object> properties = new HashMap<>(RunningService.isolatedSettings(
                    infrastructure.bootstrapServers(), infrastructure.registryUrl(), suffix));
            String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", user);
            properties.put("spring.datasource.password", password);
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.create-schemas", "true");
            properties.put("staffing.clock.fixed", CLOCK);
            // A killed member's partitions wait for its session to time out before a live member gets them.
            properties.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
            properties.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1500");

            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, password));
            List<ForkedService> services = new ArrayList<>();
            int starts = 0;
            try (KafkaProducer<String, Object> producer = producer()) {
                for (int i = 0; i < instances; i++) {
                    services.add(ForkedService.start(name + "-" + (i + 1), properties, logs));
                }
                Set<String> sent = new HashSet<>();
                for (int wave = 0; wave < stream.waves().size(); wave++) {
                    List<SpecificRecord> records = recordsOf(wave);
                    for (SpecificRecord event : records) {
                        producer.send(record(event));
                        sent.add(WaveStream.eventId(event));
                    }
                    producer.flush();
                    if (crashWaves.contains(wave)) {
                        sleep(50 + random.nextInt(400));
                        services.get(0).kill();
                        services.get(0).start();
                    }
                    if (wave == killSecondAtWave) {
                        sleep(50 + random.nextInt(400));
                        services.get(1).kill();
                    }
                    long expected = sent.size();
                    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                            .until(() -> processed(jdbc) == expected);
                }
                await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from outbox_message")
                        .query(Long.class).single() == 0);
                for (ForkedService service : services) {
                    service.stop();
                    starts += service.starts();
                }
            } finally {
                services.forEach(ForkedService::close);
            }
            return outcome(jdbc, starts);
        }

        /** The wave as sent: as it is, or every event twice with the last wave's again, shuffled across topics. */
        private List<SpecificRecord> recordsOf(int wave) {
            List<SpecificRecord> records = new ArrayList<>(stream.waves().get(wave));
            if (duplicated) {
                records.addAll(stream.waves().get(wave));
                if (wave > 0) {
                    records.addAll(stream.waves().get(wave - 1));
                }
                Collections.shuffle(records, random);
            }
            return records;
        }

        private ProducerRecord<String, Object> record(SpecificRecord event) {
            String topic = event instanceof EmployeeEvent ? "employee-events" : "project-events";
            return new ProducerRecord<>(RunningService.topic(topic, suffix), WaveStream.key(event), event);
        }

        private long processed(JdbcClient jdbc) {
            return jdbc.sql("select count(*) from processed_event").query(Long.class).single();
        }

        /** The state left, and everything published on the output topics by event id. */
        private Outcome outcome(JdbcClient jdbc, int starts) {
            Map<String, String> assignments = new TreeMap<>();
            jdbc.sql("select seat_key, person_id from assignment")
                    .query((row, n) -> Map.entry(row.getString(1), row.getString(2))).list()
                    .forEach(entry -> assignments.put(entry.getKey(), entry.getValue()));
            Map<String, String> openGaps = new TreeMap<>();
            jdbc.sql("select seat_key, reason, severity, effective_date, detail from open_gap")
                    .query((row, n) -> Map.entry(row.getString(1), row.getString(2) + " " + row.getString(3) + " "
                            + row.getString(4) + " " + row.getString(5))).list()
                    .forEach(entry -> openGaps.put(entry.getKey(), entry.getValue()));
            Map<String, Set<String>> payloadsById = new TreeMap<>();
            int copies = 0;
            try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "faults-" + suffix,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireDeserializer",
                    "schema.registry.url", infrastructure.registryUrl(),
                    "specific.avro.reader", "true"))) {
                consumer.subscribe(List.of(RunningService.topic("assignment-events", suffix),
                        RunningService.topic("gap-alerts", suffix)));
                long quietSince = System.nanoTime();
                while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                    var polled = consumer.poll(Duration.ofMillis(200));
                    for (var record : polled) {
                        Object value = record.value();
                        String id = value instanceof AssignmentEvent event ? event.getEventId()
                                : ((GapAlert) value).getEventId();
                        payloadsById.computeIfAbsent(id, key -> new TreeSet<>()).add(record.key() + " " + value);
                        copies++;
                    }
                    if (!polled.isEmpty()) {
                        quietSince = System.nanoTime();
                    }
                }
            }
            Map<String, String> eventsById = new TreeMap<>();
            int shared = 0;
            for (Map.Entry<String, Set<String>> entry : payloadsById.entrySet()) {
                shared += entry.getValue().size() > 1 ? 1 : 0;
                eventsById.put(entry.getKey(), entry.getValue().iterator().next());
            }
            return new Outcome(starts, assignments, openGaps, eventsById, shared, copies);
        }
    }

    private KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                "schema.registry.url", infrastructure.registryUrl()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a run left: the state, and the outgoing events by id (with how many ids distinct events shared). */
    private record Outcome(int starts, Map<String, String> assignments, Map<String, String> openGaps,
            Map<String, String> eventsById, int sharedIds, int copies) {
    }
}
