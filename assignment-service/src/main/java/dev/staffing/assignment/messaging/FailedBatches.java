package dev.staffing.assignment.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** What a listener's error handler does with a batch that failed and is to be polled again, whole. */
public final class FailedBatches {

    private FailedBatches() {
    }

    /** Seeks every partition of the batch back to its first record, so that the next poll returns it again. */
    public static void rewind(ConsumerRecords<?, ?> batch, Consumer<?, ?> consumer) {
        if (batch == null) {
            return;
        }
        for (TopicPartition partition : batch.partitions()) {
            consumer.seek(partition, batch.records(partition).get(0).offset());
        }
    }
}
