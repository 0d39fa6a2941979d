package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.TODAY;
import static dev.staffing.assignment.flow.TestEvents.capacityChanged;
import static dev.staffing.assignment.flow.TestEvents.departed;
import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.AssignmentChange;
import dev.staffing.events.AssignmentEvent;
import dev.staffing.events.AssignmentReason;
import dev.staffing.events.GapAlert;
import dev.staffing.events.GapReason;
import dev.staffing.events.GapResolution;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The foundation's end-to-end story against a real broker, a real Confluent-API registry and a real
 * database: events in, in the Confluent wire format; assignments and gap alerts out; state that survives
 * a restart. Subclasses choose the database and where the broker and registry come from.
 */
abstract class StaffingFlowScenarios {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private KafkaProducer<String, Object> producer;
    private OutputRecorder output;
    private RunningService service;

    /** The broker; the one shared by the test run unless a subclass brings its own. */
    protected String bootstrapServers() {
        return SharedInfrastructure.get().bootstrapServers();
    }

    /** The registry's Confluent-compatible URL; the one shared by the test run unless a subclass brings its own. */
    protected String registryUrl() {
        return SharedInfrastructure.get().registryUrl();
    }

    /** Datasource (and Flyway) settings of a database that outlives a restart of the service within one test. */
    protected abstract Map<String, Object> databaseProperties(String suffix);

    /** Removes what {@link #databaseProperties} made for the test, once its services stopped; nothing by default. */
    protected void dropDatabase(String suffix) {
    }

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                "schema.registry.url", registryUrl()));
        service = startService();
        output = new OutputRecorder(bootstrapServers(), registryUrl(), topic("assignment-events"), topic("gap-alerts"));
    }

    @AfterEach
    void disconnect() {
        if (output != null) {
            output.close();
        }
        if (service != null) {
            service.close();
        }
        producer.close();
        dropDatabase(suffix);
    }

    @Test
    void securityGapOpensWhenOnlyBackendEngineersAreAvailableThenResolvesOnHire() {
        publishEmployee(hired("e-1", 1, "backend-engineer", 1.0));
        publishEmployee(hired("e-2", 1, "backend-engineer", 1.0));
        publishProject(opened("p-1", 4, slot("security", "security-engineer", 1, 1.0),
                slot("backend", "backend-engineer", 2, 1.0)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(assignmentsOf("p-1", AssignmentChange.ASSIGNED)).extracting(AssignmentEvent::getSlotId)
                    .containsExactly("backend", "backend");
            assertThat(latestAlert("p-1/security/1")).satisfies(alert -> {
                assertThat(alert.getStatus()).isEqualTo(GapStatus.OPENED);
                assertThat(alert.getSeverity()).isEqualTo(GapSeverity.CRITICAL);
                assertThat(alert.getReason()).isEqualTo(GapReason.NO_PERSONA_HOLDER);
                assertThat(alert.getPersona()).isEqualTo("security-engineer");
                assertThat(alert.getDetail()).contains("no active person").contains("security-engineer");
            });
        });
        assertThat(output.assignments()).as("exactly the two backend seats were filled").hasSize(2);
        assertThat(output.gapAlerts()).as("exactly one alert, for the security seat").singleElement()
                .satisfies(alert -> {
                    assertThat(alert.getSlotId()).isEqualTo("security");
                    assertThat(alert.getSuggestion()).isEqualTo("hire or reskill someone as security-engineer");
                });
        JsonNode seat = service.http().get().uri("/api/gaps/p-1/security/1").retrieve().body(JsonNode.class);
        assertThat(seat.get("reason").asString()).isEqualTo("NO_PERSONA_HOLDER");
        assertThat(seat.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(seat.get("suggestion").asString()).contains("security-engineer");

        publishEmployee(hired("e-3", 1, "security-engineer", 1.0));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(assignmentsOf("p-1", AssignmentChange.ASSIGNED))
                    .filteredOn(event -> event.getSlotId().equals("security"))
                    .singleElement().satisfies(event -> {
                        assertThat(event.getEmployeeId()).isEqualTo("e-3");
                        assertThat(event.getReason()).isEqualTo(AssignmentReason.OPEN_SEAT_FILLED);
                    });
            assertThat(latestAlert("p-1/security/1")).satisfies(alert -> {
                assertThat(alert.getStatus()).isEqualTo(GapStatus.RESOLVED);
                assertThat(alert.getResolution()).isEqualTo(GapResolution.FILLED);
            });
        });
        JsonNode staffing = service.http().get().uri("/api/projects/p-1/staffing").retrieve().body(JsonNode.class);
        assertThat(staffing.get("openGaps")).isEmpty();
        assertThat(staffing.findValuesAsString("employeeId")).containsExactlyInAnyOrder("e-3", "e-1", "e-2");
    }

    @Test
    void departureFreesTheSeatAndCapacityDropNeverOverAllocates() {
        publishProject(opened("p-2", 3, slot("backend", "backend-engineer", 1, 1.0)));
        publishProject(opened("p-3", 2, slot("qa", "qa-engineer", 2, 0.5)));
        publishEmployee(hired("e-10", 1, "backend-engineer", 1.0));
        publishEmployee(hired("e-11", 1, "qa-engineer", 1.0));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(assignmentsOf("p-2", AssignmentChange.ASSIGNED)).hasSize(1);
            assertThat(assignmentsOf("p-3", AssignmentChange.ASSIGNED)).hasSize(1);
        });

        publishEmployee(departed("e-10", 2, TODAY));
        publishEmployee(capacityChanged("e-11", 2, 0.25));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(assignmentsOf("p-2", AssignmentChange.UNASSIGNED)).singleElement().satisfies(event -> {
                assertThat(event.getEmployeeId()).isEqualTo("e-10");
                assertThat(event.getReason()).isEqualTo(AssignmentReason.PERSON_DEPARTED);
            });
            assertThat(latestAlert("p-2/backend/1")).satisfies(alert -> {
                assertThat(alert.getStatus()).isEqualTo(GapStatus.OPENED);
                assertThat(alert.getReason()).isEqualTo(GapReason.HOLDER_DEPARTED);
                assertThat(alert.getDetail()).contains("e-10").contains("departed");
            });
            assertThat(assignmentsOf("p-3", AssignmentChange.UNASSIGNED)).singleElement()
                    .satisfies(event -> assertThat(event.getReason()).isEqualTo(AssignmentReason.CAPACITY_REDUCED));
        });
        JsonNode staffing = service.http().get().uri("/api/projects/p-3/staffing").retrieve().body(JsonNode.class);
        assertThat(staffing.findValuesAsString("employeeId")).doesNotContain("e-11");
        JsonNode gaps = service.http().get().uri("/api/gaps?persona=backend-engineer").retrieve().body(JsonNode.class);
        assertThat(gaps.get("items")).hasSize(1);
        assertThat(gaps.get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void restartBetweenEventsChangesNothingDecidedAndLosesNothing() {
        publishProject(opened("p-4", 5, slot("backend", "backend-engineer", 2, 1.0),
                slot("security", "security-engineer", 1, 0.5)));
        publishEmployee(hired("e-20", 1, "backend-engineer", 1.0));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(assignmentsOf("p-4", AssignmentChange.ASSIGNED)).hasSize(1));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(openGapKeys("p-4")).containsExactlyInAnyOrder("p-4/backend/2", "p-4/security/1"));
        String before = service.http().get().uri("/api/projects/p-4/staffing").retrieve().body(String.class);

        service.close();
        service = startService();
        assertThat(service.http().get().uri("/api/projects/p-4/staffing").retrieve().body(String.class))
                .as("a restart alone changes nothing").isEqualTo(before);

        service.close();
        publishEmployee(hired("e-21", 1, "backend-engineer", 1.0));
        service = startService();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(assignmentsOf("p-4", AssignmentChange.ASSIGNED)).extracting(AssignmentEvent::getEmployeeId)
                    .containsExactlyInAnyOrder("e-20", "e-21");
            assertThat(latestAlert("p-4/backend/2").getStatus()).isEqualTo(GapStatus.RESOLVED);
        });
        assertThat(assignmentsOf("p-4", AssignmentChange.UNASSIGNED)).as("no one was moved by the restart").isEmpty();
        List<String> ids = output.poll().stream().map(r -> r.value() instanceof AssignmentEvent a ? a.getEventId()
                : ((GapAlert) r.value()).getEventId()).toList();
        assertThat(ids).as("no decision published twice").doesNotHaveDuplicates();
    }

    private RunningService startService() {
        return startService(Map.of());
    }

    private RunningService startService(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(databaseProperties(suffix));
        properties.putAll(extra);
        properties.putAll(RunningService.isolatedSettings(bootstrapServers(), registryUrl(), suffix));
        return RunningService.start(properties);
    }

    @Test
    void shrinkingASlotReleasesTheMostRecentlyAssigned() {
        publishProject(opened("p-6", 2, slot("backend", "backend-engineer", 3, 1.0)));
        for (String employee : List.of("e-40", "e-41", "e-42")) {
            publishEmployee(hired(employee, 1, "backend-engineer", 1.0));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(assignmentsOf("p-6", AssignmentChange.ASSIGNED))
                    .extracting(AssignmentEvent::getEmployeeId).contains(employee));
        }

        publishProject(TestEvents.slotsChanged("p-6", 2, slot("backend", "backend-engineer", 2, 1.0)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(assignmentsOf("p-6", AssignmentChange.UNASSIGNED))
                .singleElement().satisfies(event -> {
                    assertThat(event.getEmployeeId()).isEqualTo("e-42");
                    assertThat(event.getReason()).isEqualTo(AssignmentReason.SLOT_REMOVED);
                }));
        JsonNode staffing = service.http().get().uri("/api/projects/p-6/staffing").retrieve().body(JsonNode.class);
        assertThat(staffing.findValuesAsString("employeeId")).containsExactlyInAnyOrder("e-40", "e-41");
    }

    @Test
    void futureDepartureIsAnnouncedAheadAndActedOnWhenItsDayComesWithoutAnEvent() {
        publishEmployee(hired("e-30", 1, "security-engineer", 1.0));
        publishProject(opened("p-5", 3, slot("security", "security-engineer", 1, 1.0)));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(assignmentsOf("p-5", AssignmentChange.ASSIGNED)).hasSize(1));

        publishEmployee(departed("e-30", 2, TODAY.plusDays(10)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(latestAlert("p-5/security/1")).satisfies(alert -> {
            assertThat(alert.getStatus()).isEqualTo(GapStatus.OPENED);
            assertThat(alert.getReason()).isEqualTo(GapReason.HOLDER_DEPARTED);
            assertThat(alert.getEffectiveDate()).isEqualTo(TODAY.plusDays(10));
            assertThat(alert.getSeverity()).as("ten days ahead: one level below critical").isEqualTo(GapSeverity.HIGH);
        }));
        assertThat(assignmentsOf("p-5", AssignmentChange.UNASSIGNED)).as("still working until then").isEmpty();

        service.close();
        service = startService(Map.of("staffing.clock.fixed", TODAY.plusDays(10).atTime(6, 0).toInstant(
                java.time.ZoneOffset.UTC).toString()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(assignmentsOf("p-5", AssignmentChange.UNASSIGNED)).singleElement().satisfies(event ->
                    assertThat(event.getReason()).isEqualTo(AssignmentReason.PERSON_DEPARTED));
            assertThat(latestAlert("p-5/security/1")).satisfies(alert -> {
                assertThat(alert.getStatus()).isEqualTo(GapStatus.UPDATED);
                assertThat(alert.getReason()).isEqualTo(GapReason.HOLDER_DEPARTED);
                assertThat(alert.getSeverity()).isEqualTo(GapSeverity.CRITICAL);
            });
        });
    }

    private String topic(String name) {
        return RunningService.topic(name, suffix);
    }

    private void publishEmployee(dev.staffing.events.EmployeeEvent event) {
        send(topic("employee-events"), event.getEmployeeId(), event);
    }

    private void publishProject(dev.staffing.events.ProjectEvent event) {
        send(topic("project-events"), event.getProjectId(), event);
    }

    private void send(String topic, String key, Object event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    private List<AssignmentEvent> assignmentsOf(String projectId, AssignmentChange change) {
        return output.assignments().stream()
                .filter(event -> event.getProjectId().equals(projectId) && event.getChange() == change)
                .toList();
    }

    /** The seats of a project whose latest alert says they are empty, as a dashboard reading the topic sees it. */
    private List<String> openGapKeys(String projectId) {
        return latestAlerts().entrySet().stream()
                .filter(entry -> entry.getValue().getProjectId().equals(projectId)
                        && entry.getValue().getStatus() != GapStatus.RESOLVED)
                .map(Map.Entry::getKey).sorted().toList();
    }

    private Map<String, GapAlert> latestAlerts() {
        return output.gapAlertRecords().stream().collect(Collectors.toMap(
                record -> record.key(), record -> (GapAlert) record.value(), (first, second) -> second));
    }

    private GapAlert latestAlert(String key) {
        Map<String, GapAlert> latest = latestAlerts();
        assertThat(latest).containsKey(key);
        return latest.get(key);
    }
}
