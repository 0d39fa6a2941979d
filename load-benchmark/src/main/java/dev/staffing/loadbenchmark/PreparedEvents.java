package dev.staffing.loadbenchmark;

import dev.staffing.events.wire.AvroWireSerializer;
import dev.staffing.events.wire.WireSerdeConfig;
import java.util.Map;

/**
 * A run's input, generated from the seed and written in the Confluent wire format before anything is
 * timed, so that publishing costs the generator as little as it can: the organisation first
 * ({@link #seedCount()} hires and openings), then the stream of changes. The index of an event here is
 * the index in its id.
 */
final class PreparedEvents {

    private final int seedCount;
    private final int people;
    private final boolean[] projectTopic;
    private final String[] keys;
    private final byte[][] values;

    private PreparedEvents(int seedCount, int people, int total) {
        this.seedCount = seedCount;
        this.people = people;
        this.projectTopic = new boolean[total];
        this.keys = new String[total];
        this.values = new byte[total][];
    }

    /**
     * Generates the organisation and its warm-up and measured changes, one stream, and writes them with the run's
     * registry.
     */
    static PreparedEvents prepare(LoadOptions options, String registryUrl) {
        EventIds ids = new EventIds(options.seed());
        EventWriter writer = new EventWriter(ids);
        Organisation organisation = Organisation.generate(options.seed(), options.people(), options.pools(), writer);
        int seedCount = organisation.seedEvents().size();
        int changes = options.warmup() + options.events();
        PreparedEvents prepared = new PreparedEvents(seedCount, options.people(), seedCount + changes);
        try (AvroWireSerializer serializer = new AvroWireSerializer()) {
            serializer.configure(Map.of(WireSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            organisation.seedEvents().forEach(event -> prepared.put(event, serializer));
            ChangeStream stream = new ChangeStream(organisation.pools(), writer, options.seed() + 1);
            for (int i = 0; i < changes; i++) {
                prepared.put(stream.next(), serializer);
            }
        }
        return prepared;
    }

    private void put(InputEvent event, AvroWireSerializer serializer) {
        projectTopic[event.index()] = event.topic().equals(Topics.PROJECT_EVENTS);
        keys[event.index()] = event.key();
        values[event.index()] = serializer.serialize(event.topic(), event.value());
    }

    int seedCount() {
        return seedCount;
    }

    int total() {
        return keys.length;
    }

    /** People hired by the seed. */
    int people() {
        return people;
    }

    String topic(int index) {
        return projectTopic[index] ? Topics.PROJECT_EVENTS : Topics.EMPLOYEE_EVENTS;
    }

    String key(int index) {
        return keys[index];
    }

    byte[] value(int index) {
        return values[index];
    }
}
