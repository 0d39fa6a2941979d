/**
 * Avro in the Confluent wire format (byte 0, a 4-byte big-endian schema id, Avro binary) against any
 * schema registry that speaks the Confluent REST API. Configured with Confluent's own keys
 * ({@code schema.registry.url}, {@code auto.register.schemas}, {@code specific.avro.reader},
 * {@code basic.auth.user.info}), so that Confluent's {@code KafkaAvroSerializer} and
 * {@code KafkaAvroDeserializer} replace these classes by configuration alone.
 */
package dev.staffing.events.wire;
