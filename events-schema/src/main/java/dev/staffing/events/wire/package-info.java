/**
 * Avro in the Confluent wire format (byte 0, a 4-byte big-endian schema id, Avro binary) against any
 * schema registry that speaks the Confluent REST API (Confluent's own, Apicurio's ccompat API, ...).
 *
 * <p>{@link dev.staffing.events.wire.AvroWireSerializer} and {@link dev.staffing.events.wire.AvroWireDeserializer}
 * are configured with Confluent's own keys ({@link dev.staffing.events.wire.WireSerdeConfig}), so that
 * Confluent's {@code KafkaAvroSerializer} and {@code KafkaAvroDeserializer} replace them by configuration
 * alone. Registry failures are {@link dev.staffing.events.wire.SchemaRegistryException}s: permanent, except
 * the {@link dev.staffing.events.wire.RegistryUnavailableException} kind, which is worth a retry.
 */
package dev.staffing.events.wire;
