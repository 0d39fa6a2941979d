package dev.staffing.assignment.overrides;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.people.Person;
import dev.staffing.assignment.people.PersonRepository;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectStore;
import dev.staffing.events.OverrideAction;
import dev.staffing.events.StaffingOverride;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks a manager's override request against the stored staffing and publishes it to the overrides topic,
 * keyed by project id. It is applied by whichever instance decides the project's pool, in order with the
 * pool's other events; the answer says it was accepted, not yet applied.
 */
@Component
class OverrideRequests {

    private static final Logger log = LoggerFactory.getLogger(OverrideRequests.class);
    private static final int MAX_IDEMPOTENCY_KEY = 100;

    private final ProjectStore projects;
    private final PersonRepository people;
    private final OverrideStore store;
    private final KafkaTemplate<String, Object> template;
    private final StaffingTopics topics;
    private final OverrideProperties properties;
    private final Clock clock;

    OverrideRequests(ProjectStore projects, PersonRepository people, OverrideStore store,
            ProducerFactory<String, Object> producerFactory, StaffingTopics topics, OverrideProperties properties,
            Clock clock) {
        this.projects = projects;
        this.people = people;
        this.store = store;
        this.template = new KafkaTemplate<>(producerFactory);
        this.topics = topics;
        this.properties = properties;
        this.clock = clock;
    }

    /** The override as it was published. */
    record Accepted(String eventId, OverrideAction action, String pool, String projectId, String slotId,
            String personId, String requestedBy, Instant requestedAt, String reason) {
    }

    Accepted pin(String projectId, String slotId, String personId, String reason, String who, String idempotencyKey) {
        Project project = openProject(projectId);
        require(slotId, "slotId");
        if (project.slots().stream().noneMatch(slot -> slot.slotId().equals(slotId))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Project '" + projectId + "' has no slot '" + slotId
                    + "'");
        }
        Person person = person(personId);
        if (!person.pool().equals(project.pool())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Employee '" + personId + "' is in pool '"
                    + person.pool() + "' and project '" + projectId + "' in pool '" + project.pool()
                    + "'; a pin holds only within one pool");
        }
        return publish(OverrideAction.PIN, project, slotId, personId, reason, who, idempotencyKey);
    }

    Accepted unpin(String projectId, String slotId, String personId, String reason, String who,
            String idempotencyKey) {
        Project project = project(projectId);
        if (!store.forProject(projectId).pinnedTo(slotId).contains(personId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Employee '" + personId + "' is not pinned to slot '"
                    + slotId + "' of project '" + projectId + "'");
        }
        return publish(OverrideAction.UNPIN, project, slotId, personId, reason, who, idempotencyKey);
    }

    Accepted exclude(String projectId, String personId, String reason, String who, String idempotencyKey) {
        Project project = openProject(projectId);
        person(personId);
        return publish(OverrideAction.EXCLUDE, project, null, personId, reason, who, idempotencyKey);
    }

    Accepted include(String projectId, String personId, String reason, String who, String idempotencyKey) {
        Project project = project(projectId);
        if (!store.forProject(projectId).excluded().contains(personId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Employee '" + personId
                    + "' is not excluded from project '" + projectId + "'");
        }
        return publish(OverrideAction.INCLUDE, project, null, personId, reason, who, idempotencyKey);
    }

    private Accepted publish(OverrideAction action, Project project, String slotId, String personId, String reason,
            String who, String idempotencyKey) {
        require(reason, "reason");
        if (reason.length() > OverrideStore.MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Field 'reason' has " + reason.length()
                    + " characters; at most " + OverrideStore.MAX_REASON + " are kept");
        }
        String eventId = eventId(idempotencyKey);
        Instant now = clock.instant();
        StaffingOverride event = StaffingOverride.newBuilder().setEventId(eventId).setOccurredAt(now)
                .setPool(project.pool()).setProjectId(project.id()).setAction(action).setSlotId(slotId)
                .setPersonId(personId).setRequestedBy(who).setReason(reason).build();
        try {
            template.send(topics.overrides(), project.id(), event).get(properties.publishTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        }
        log.info("Override {} requested: {} employee {} on project {}{} by {}", eventId, action, personId, project.id(),
                slotId == null ? "" : " slot " + slotId, who);
        return new Accepted(eventId, action, project.pool(), project.id(), slotId, personId, who, now, reason);
    }

    private ResponseStatusException unavailable(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The override could not be published to"
                + " topic '" + topics.overrides() + "': " + cause.getClass().getSimpleName() + "; nothing was changed,"
                + " try again");
    }

    private static String eventId(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return "override-" + UUID.randomUUID();
        }
        if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Header 'Idempotency-Key' has "
                    + idempotencyKey.length() + " characters; at most " + MAX_IDEMPOTENCY_KEY + " are allowed");
        }
        // The same key gives the same event id, which the ingest path applies once.
        return "override-key-" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Project openProject(String projectId) {
        Project project = project(projectId);
        if (project.closed()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Project '" + projectId + "' is closed");
        }
        return project;
    }

    private Project project(String projectId) {
        require(projectId, "projectId");
        return projects.findById(projectId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No project with id '" + projectId + "'"));
    }

    private Person person(String personId) {
        require(personId, "personId");
        return people.findById(personId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No employee with id '" + personId + "'"));
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Field '" + field + "' is missing or blank");
        }
    }
}
