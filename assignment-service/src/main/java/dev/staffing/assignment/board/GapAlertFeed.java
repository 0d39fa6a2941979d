package dev.staffing.assignment.board;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.messaging.ValueDecoding;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the gap-alert topic on every instance and hands each alert to the {@link GapStream}: a plain consumer
 * of its own thread, assigned every partition (no consumer group, nothing committed), starting at the end when
 * the service starts. Partitions added to the topic later are picked up on {@code staffing.board.partition-refresh}
 * and read from their beginning. Values are decoded with the deserializer that ingest uses
 * ({@code staffing.ingest.value-deserializer}), configured the same way.
 */
@Component
class GapAlertFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GapAlertFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** How long start() waits for the first assignment, so the stream misses nothing published after start. */
    private static final Duration FIRST_ASSIGNMENT_WAIT = Duration.ofSeconds(15);

    private final String topic;
    private final BoardProperties properties;
    private final GapStream stream;
    private final GapAlertJson json;
    private final Map<String, Object> consumerConfig;
    private final String deserializerClass;
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    GapAlertFeed(StaffingTopics topics, BoardProperties properties, GapStream stream, JsonMapper jsonMapper,
            KafkaProperties kafkaProperties,
            @Value("${staffing.ingest.value-deserializer:dev.staffing.events.wire.AvroWireDeserializer}")
            String deserializerClass) {
        this.topic = topics.gapAlerts();
        this.properties = properties;
        this.stream = stream;
        this.json = new GapAlertJson(jsonMapper);
        this.deserializerClass = deserializerClass;
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.putIfAbsent("specific.avro.reader", "true");
        this.consumerConfig = config;
    }

    @Override
    public void start() {
        running = true;
        Thread feed = new Thread(this::run, "gap-alert-feed");
        feed.setDaemon(true);
        thread = feed;
        feed.start();
        try {
            if (!firstAssignment.await(FIRST_ASSIGNMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Gap stream not yet assigned to {} after {}; it keeps trying", topic, FIRST_ASSIGNMENT_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        stopRequested.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                log.warn("Gap alert feed did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (Deserializer<?> deserializer = ValueDecoding.instantiate(deserializerClass);
                KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(broadcastConfig(), new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            deserializer.configure(consumerConfig, false);
            consumer = kafka;
            if (running) {
                follow(kafka, deserializer);
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up.
        } catch (RuntimeException e) {
            log.error("Gap stream stopped following {}: {}", topic, e.toString(), e);
        } finally {
            consumer = null;
            stopped.countDown();
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka, Deserializer<?> deserializer) {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextRefresh = 0;
        while (running) {
            if (System.nanoTime() - nextRefresh >= 0) {
                refreshAssignment(kafka, assigned);
                nextRefresh = System.nanoTime() + properties.partitionRefresh().toNanos();
            }
            if (assigned.isEmpty()) {
                pause();
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                if (!forward(record, deserializer)) {
                    // The registry could not be reached: read this record again after a pause.
                    kafka.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
                    pause();
                    break;
                }
            }
        }
    }

    /** Assigns every partition of the topic: from the end at first, from the beginning for ones added later. */
    private void refreshAssignment(KafkaConsumer<String, byte[]> kafka, Set<TopicPartition> assigned) {
        List<TopicPartition> all;
        try {
            all = kafka.partitionsFor(topic, METADATA_WAIT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Gap stream could not read the partitions of {}: {}", topic, e.toString());
            return;
        }
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(assigned);
        if (added.isEmpty()) {
            return;
        }
        boolean first = assigned.isEmpty();
        kafka.assign(all);
        if (first) {
            kafka.seekToEnd(added);
            // Resolve the end offsets now, so that nothing published from here on is skipped.
            added.forEach(kafka::position);
            log.info("Gap stream follows {} from the end of its {} partitions", topic, added.size());
        } else {
            kafka.seekToBeginning(added);
            log.info("Gap stream follows {} new partitions of {} from their beginning", added.size(), topic);
        }
        assigned.addAll(added);
        firstAssignment.countDown();
    }

    /**
     * Decodes and streams one alert to the connected clients (with none, skips it undecoded); false when it could
     * not be decoded now but may be later.
     */
    private boolean forward(ConsumerRecord<String, byte[]> record, Deserializer<?> deserializer) {
        if (record.value() == null || stream.clientCount() == 0) {
            // Nobody to hand it to: a client that connects later reads the board from the database first.
            return true;
        }
        Object value;
        try {
            value = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (ValueDecoding.isTransient(e)) {
                log.warn("Gap stream could not decode {}-{}@{} now, will retry: {}", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                return false;
            }
            log.warn("Gap stream skipped {}-{}@{}: not a decodable gap alert: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return true;
        }
        if (value instanceof GenericRecord alert) {
            stream.publish(json.toEvent(record, alert));
        } else {
            log.warn("Gap stream skipped {}-{}@{}: decoded to {}, not an Avro record", record.topic(),
                    record.partition(), record.offset(), value == null ? "null" : value.getClass().getName());
        }
        return true;
    }

    private Map<String, Object> broadcastConfig() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gap-stream-" + UUID.randomUUID().toString().substring(0, 8));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long refreshMillis = properties.partitionRefresh().toMillis();
        Object configuredAge = config.get(ConsumerConfig.METADATA_MAX_AGE_CONFIG);
        if (configuredAge == null || Long.parseLong(configuredAge.toString()) > refreshMillis) {
            // Partitions added to the topic show in the metadata no later than the next refresh.
            config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, refreshMillis);
        }
        return config;
    }

    private void pause() {
        try {
            stopRequested.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
