package dev.staffing.assignment.routing;

import dev.staffing.assignment.messaging.ValueDecoding;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.StaffingOverride;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the staffing pool an input record names, with the deserializer ingest decodes it with
 * ({@code staffing.ingest.value-deserializer}). Whether the event is valid otherwise is ingest's concern.
 */
final class EventPools implements AutoCloseable {

    private final Deserializer<?> deserializer;

    EventPools(String deserializerClass, Map<String, Object> consumerProperties) {
        this.deserializer = ValueDecoding.instantiate(deserializerClass);
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.putIfAbsent("specific.avro.reader", "true");
        deserializer.configure(config, false);
    }

    /**
     * The pool the record's event names; empty when its bytes can never be decoded or it names no pool.
     *
     * @throws PoolUnreadableException when decoding failed for a reason that may pass (registry unreachable)
     */
    Optional<String> poolOf(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        Object event;
        try {
            event = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (ValueDecoding.isTransient(e)) {
                throw new PoolUnreadableException("Could not decode " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + " now, will retry: " + e.getMessage(), e);
            }
            return Optional.empty();
        }
        String pool = null;
        if (event instanceof EmployeeEvent employee) {
            pool = employee.getPool();
        } else if (event instanceof ProjectEvent project) {
            pool = project.getPool();
        } else if (event instanceof StaffingOverride override) {
            pool = override.getPool();
        }
        return pool == null || pool.isBlank() ? Optional.empty() : Optional.of(pool);
    }

    @Override
    public void close() {
        deserializer.close();
    }

    /** Decoding failed for a reason that may pass: the batch is routed again, never forwarded without its pool. */
    static final class PoolUnreadableException extends RuntimeException {

        PoolUnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
