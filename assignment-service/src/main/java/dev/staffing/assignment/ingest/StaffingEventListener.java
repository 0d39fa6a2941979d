package dev.staffing.assignment.ingest;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.routing.RoutedRecords;
import dev.staffing.assignment.staffing.DecisionLock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes employee and project events and staffing managers' overrides in batches. One listener for all
 * three topics, so that the events of one pool are applied by one thread, in the order they were polled.
 * With {@code staffing.ingest.route-by-pool} it reads the pool-keyed topic the router fills instead, so that
 * each instance of the group gets pools of its own, and hands on each record as it came from its input topic.
 */
@Component
class StaffingEventListener {

    private static final Logger log = LoggerFactory.getLogger(StaffingEventListener.class);

    private final IngestBatchProcessor processor;
    private final StaffingTopics topics;
    private final DecisionLock decisionLock;
    private final IngestMetrics metrics;
    private final boolean routeByPool;

    StaffingEventListener(IngestBatchProcessor processor, StaffingTopics topics, DecisionLock decisionLock,
            IngestMetrics metrics, IngestProperties properties) {
        this.processor = processor;
        this.topics = topics;
        this.decisionLock = decisionLock;
        this.metrics = metrics;
        this.routeByPool = properties.routeByPool();
    }

    /** The topics read, as {@link StaffingTopics} names them (read by the listener annotation). */
    public String[] getInputTopics() {
        if (routeByPool) {
            return new String[] {topics.poolEvents()};
        }
        return new String[] {topics.employeeEvents(), topics.projectEvents(), topics.overrides()};
    }

    /**
     * Consumer settings over spring.kafka.consumer's (read by the listener annotation): the pool topic is
     * written in transactions, of which only the committed ones may be applied.
     */
    public String[] getConsumerProperties() {
        return routeByPool ? new String[] {"isolation.level=read_committed"} : new String[0];
    }

    /**
     * The consumer group is spring.kafka.consumer.group-id ({@code idIsGroup = false}: without it the
     * listener id would silently become the group).
     */
    @KafkaListener(id = "staffing-ingest", idIsGroup = false, batch = "true", topics = "#{__listener.inputTopics}",
            properties = "#{__listener.consumerProperties}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> input = routeByPool ? RoutedRecords.originals(records) : records;
        long start = System.nanoTime();
        BatchSummary summary = decisionLock.call(() -> processor.process(input));
        log.debug("Batch of {} records committed {} ms after it began", input.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        // process() has committed when it returns; a batch that failed is retried and counted once, here.
        metrics.committed(summary);
        if (routeByPool) {
            metrics.committedPoolRecords(records);
        }
    }
}
