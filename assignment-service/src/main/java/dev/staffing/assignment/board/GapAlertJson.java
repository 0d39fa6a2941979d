package dev.staffing.assignment.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a decoded gap alert into a stream event. Every field of the record's schema is carried, so fields added
 * to {@code GapAlert} later (acknowledgement, escalation) reach dashboards without a change here; instants and
 * dates are written as ISO-8601 text, enums by name.
 */
final class GapAlertJson {

    private final JsonMapper json;

    GapAlertJson(JsonMapper json) {
        this.json = json;
    }

    GapStreamEvent toEvent(ConsumerRecord<String, ?> record, GenericRecord alert) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seatKey", record.key());
        for (Schema.Field field : alert.getSchema().getFields()) {
            fields.put(field.name(), plain(alert.get(field.pos()), field.schema()));
        }
        return new GapStreamEvent(record.partition() + "-" + record.offset(), text(fields.get("persona")),
                text(fields.get("pool")), text(fields.get("projectId")), json.writeValueAsString(fields));
    }

    private static Object plain(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        Schema type = nonNull(schema);
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        LogicalType logical = type.getLogicalType();
        if (value instanceof Long millis && logical instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(millis).toString();
        }
        if (value instanceof Integer days && logical instanceof LogicalTypes.Date) {
            return LocalDate.ofEpochDay(days).toString();
        }
        if (value instanceof Collection<?> items) {
            Schema itemSchema = type.getType() == Schema.Type.ARRAY ? type.getElementType() : type;
            List<Object> plainItems = new ArrayList<>(items.size());
            items.forEach(item -> plainItems.add(plain(item, itemSchema)));
            return plainItems;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        // Strings (Avro's Utf8 too) and enum symbols, specific or generic.
        return value.toString();
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).findFirst()
                .orElse(schema);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
