package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.staffing.DecisionLock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes employee and project events and staffing managers' overrides in batches. One listener for all
 * three topics, so that the events of one pool are applied by one thread, in the order they were polled.
 */
@Component
class StaffingEventListener {

    private final IngestBatchProcessor processor;
    private final StaffingTopics topics;
    private final DecisionLock decisionLock;
    private final IngestMetrics metrics;

    StaffingEventListener(IngestBatchProcessor processor, StaffingTopics topics, DecisionLock decisionLock,
            IngestMetrics metrics) {
        this.processor = processor;
        this.topics = topics;
        this.decisionLock = decisionLock;
        this.metrics = metrics;
    }

    /** The input topics, as {@link StaffingTopics} names them (read by the listener annotation). */
    public String[] getInputTopics() {
        return new String[] {topics.employeeEvents(), topics.projectEvents(), topics.overrides()};
    }

    /**
     * The consumer group is spring.kafka.consumer.group-id ({@code idIsGroup = false}: without it the
     * listener id would silently become the group).
     */
    @KafkaListener(id = "staffing-ingest", idIsGroup = false, batch = "true", topics = "#{__listener.inputTopics}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        BatchSummary summary = decisionLock.call(() -> processor.process(records));
        // process() has committed when it returns; a batch that failed is retried and counted once, here.
        metrics.committed(summary);
    }
}
