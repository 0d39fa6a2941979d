package dev.staffing.assignment.ingest;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes employee and project events in batches. One listener for both topics, so that the events
 * of one pool are applied by one thread, in the order they were polled.
 */
@Component
class StaffingEventListener {

    private final IngestBatchProcessor processor;

    StaffingEventListener(IngestBatchProcessor processor) {
        this.processor = processor;
    }

    @KafkaListener(id = "staffing-ingest", batch = "true",
            topics = {"${staffing.topics.employee-events}", "${staffing.topics.project-events}"})
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        processor.process(records);
    }
}
