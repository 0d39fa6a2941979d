package dev.staffing.assignment.demo;

import dev.staffing.assignment.messaging.StaffingTopics;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes the sample organisation to the input topics once the service is up, when enabled. */
@Component
class DemoFeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoFeeder.class);

    private final DemoProperties properties;
    private final KafkaTemplate<String, Object> kafka;
    private final StaffingTopics topics;
    private final Clock clock;

    DemoFeeder(DemoProperties properties, KafkaTemplate<String, Object> kafka, StaffingTopics topics, Clock clock) {
        this.properties = properties;
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void feed() {
        if (!properties.enabled()) {
            return;
        }
        SampleOrganisation organisation = new SampleOrganisation(properties.seed(), clock.instant(),
                LocalDate.now(clock));
        var people = organisation.people(properties.people());
        var projects = organisation.projects(properties.projects());
        people.forEach(event -> kafka.send(topics.employeeEvents(), event.getEmployeeId(), event));
        projects.forEach(event -> kafka.send(topics.projectEvents(), event.getProjectId(), event));
        kafka.flush();
        log.info("Demo: published {} hires and {} project openings (seed {}); see /api/gaps and /api/projects",
                people.size(), projects.size(), properties.seed());
    }
}
