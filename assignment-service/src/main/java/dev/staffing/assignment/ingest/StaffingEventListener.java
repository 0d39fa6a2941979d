package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.staffing.DecisionLock;
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
    private final StaffingTopics topics;
    private final DecisionLock decisionLock;

    StaffingEventListener(IngestBatchProcessor processor, StaffingTopics topics, DecisionLock decisionLock) {
        this.processor = processor;
        this.topics = topics;
        this.decisionLock = decisionLock;
    }

    /** The input topics, as {@link StaffingTopics} names them (read by the listener annotation). */
    public String[] getInputTopics() {
        return new String[] {topics.employeeEvents(), topics.projectEvents()};
    }

    @KafkaListener(id = "staffing-ingest", batch = "true", topics = "#{__listener.inputTopics}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        decisionLock.call(() -> processor.process(records));
    }
}
