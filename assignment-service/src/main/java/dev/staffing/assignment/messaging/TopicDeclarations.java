package dev.staffing.assignment.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares the service's topics; KafkaAdmin creates the missing ones at start. */
@Configuration(proxyBeanMethods = false)
class TopicDeclarations {

    @Bean
    KafkaAdmin.NewTopics staffingTopicDeclarations(StaffingTopics topics) {
        return new KafkaAdmin.NewTopics(
                topic(topics.employeeEvents(), topics).build(),
                topic(topics.projectEvents(), topics).build(),
                topic(topics.overrides(), topics).build(),
                topic(topics.assignmentEvents(), topics).build(),
                topic(topics.gapAlerts(), topics)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        .build(),
                // At least as many partitions as its sources, so a record keeps its partition number.
                topic(topics.deadLetter(), topics).build());
    }

    /**
     * The pool-keyed topic the router forwards the input to, only where it runs: its partitions bound how many
     * instances share the pools.
     */
    @Bean
    @ConditionalOnBooleanProperty("staffing.ingest.route-by-pool")
    NewTopic poolEventsTopic(StaffingTopics topics) {
        return topic(topics.poolEvents(), topics).build();
    }

    private static TopicBuilder topic(String name, StaffingTopics topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor());
    }

}
