package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.hired;
import static dev.staffing.assignment.flow.TestEvents.opened;
import static dev.staffing.assignment.flow.TestEvents.profileChanged;
import static dev.staffing.assignment.flow.TestEvents.scheduleChanged;
import static dev.staffing.assignment.flow.TestEvents.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.staffing.assignment.alerts.GapAcknowledgements;
import dev.staffing.assignment.alerts.OpenGap;
import dev.staffing.assignment.alerts.OpenGapRepository;
import dev.staffing.assignment.staffing.PoolChanges;
import dev.staffing.assignment.staffing.PoolRebalancer;
import dev.staffing.assignment.support.SharedInfrastructure;
import dev.staffing.events.GapAlert;
import dev.staffing.events.GapResolution;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The gap alert lifecycle for the people on call, against the real broker, registry and database:
 * acknowledging a gap, escalating one that no one acknowledges, and how both meet the ingest path.
 * Subclasses choose the database.
 */
abstract class GapLifecycleScenarios {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SECURITY_SEAT = "p-1/security/1";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<RunningService> services = new ArrayList<>();
    private KafkaProducer<String, Object> producer;
    private OutputRecorder output;

    /** Datasource (and Flyway) settings of a database that every service of one test shares. */
    protected abstract Map<String, Object> databaseProperties(String suffix);

    /** Removes what {@link #databaseProperties} made for the test, once its services stopped; nothing by default. */
    protected void dropDatabase(String suffix) {
    }

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "dev.staffing.events.wire.AvroWireSerializer",
                "schema.registry.url", infrastructure().registryUrl()));
        output = new OutputRecorder(infrastructure().bootstrapServers(), infrastructure().registryUrl(),
                RunningService.topic("gap-alerts", suffix));
    }

    @AfterEach
    void disconnect() {
        output.close();
        services.forEach(RunningService::close);
        producer.close();
        dropDatabase(suffix);
    }

    @Test
    void acknowledgementShowsOnTheApiAndTravelsOnTheGapAlertTopic() {
        RunningService service = start(Map.of());
        publishProject(opened("p-1", 4, slot("security", "security-engineer", 1, 1.0)));
        await().atMost(PATIENCE).until(() -> latestAlerts().containsKey(SECURITY_SEAT));

        ResponseEntity<JsonNode> first = acknowledge(service, SECURITY_SEAT, "{\"note\": \"calling the agency\"}");
        ResponseEntity<JsonNode> latest = acknowledge(service, SECURITY_SEAT, "{\"note\": \"agency has someone\"}");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(200));
        assertThat(first.getBody().get("acknowledgementNote").asString()).isEqualTo("calling the agency");
        assertThat(latest.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(200));
        Instant acknowledgedAt = Instant.parse(latest.getBody().get("acknowledgedAt").asString());
        assertThat(acknowledgedAt).isAfterOrEqualTo(Instant.parse(first.getBody().get("acknowledgedAt").asString()));
        JsonNode seat = service.http().get().uri("/api/gaps/" + SECURITY_SEAT).retrieve().body(JsonNode.class);
        assertThat(seat.get("acknowledgedBy").asString()).isEqualTo(expectedAcknowledger());
        assertThat(Instant.parse(seat.get("acknowledgedAt").asString())).isEqualTo(acknowledgedAt);
        assertThat(seat.get("acknowledgementNote").asString()).as("the latest note replaces the first")
                .isEqualTo("agency has someone");
        assertThat(seat.get("escalationLevel").asInt()).isZero();
        assertThat(seat.get("escalatedAt").isNull()).isTrue();
        JsonNode listed = service.http().get().uri("/api/gaps?projectId=p-1").retrieve().body(JsonNode.class);
        assertThat(listed.get("totalItems").asLong()).isEqualTo(1);
        assertThat(listed.get("items")).singleElement().satisfies(gap ->
                assertThat(gap.get("acknowledgementNote").asString()).isEqualTo("agency has someone"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(latestAlert(SECURITY_SEAT)).satisfies(alert -> {
            assertThat(alert.getStatus()).isEqualTo(GapStatus.UPDATED);
            assertThat(alert.getSeverity()).isEqualTo(GapSeverity.CRITICAL);
            assertThat(alert.getAcknowledgedBy()).isEqualTo(expectedAcknowledger());
            assertThat(alert.getAcknowledgedAt()).isEqualTo(acknowledgedAt.truncatedTo(
                    ChronoUnit.MILLIS));
            assertThat(alert.getAcknowledgementNote()).isEqualTo("agency has someone");
            assertThat(alert.getEscalationLevel()).isZero();
        }));
        assertThat(alertsOf(SECURITY_SEAT)).extracting(GapAlert::getStatus)
                .containsExactly(GapStatus.OPENED, GapStatus.UPDATED, GapStatus.UPDATED);
    }

    @Test
    void acknowledgingASeatWithoutAGapIsA404AnOverLongNoteA400ThatNamesTheFieldAndReadersMayNot() {
        RunningService service = start(Map.of());
        publishProject(opened("p-1", 4, slot("security", "security-engineer", 1, 1.0)));
        await().atMost(PATIENCE).until(() -> latestAlerts().containsKey(SECURITY_SEAT));

        ResponseEntity<JsonNode> noGap = acknowledge(service, "p-1/security/2", "{\"note\": \"x\"}");
        ResponseEntity<JsonNode> tooLong = acknowledge(service, SECURITY_SEAT, "{\"note\": \"" + "n".repeat(1001)
                + "\"}");
        ResponseEntity<JsonNode> longest = acknowledge(service, SECURITY_SEAT, "{\"note\": \"" + "n".repeat(1000)
                + "\"}");
        ResponseEntity<JsonNode> noNote = acknowledge(service, SECURITY_SEAT, "{}");
        RunningService.Credentials reader = RunningService.readerCredentials();
        HttpStatusCode byReader = RestClient.builder().baseUrl(service.baseUrl())
                .defaultHeaders(headers -> headers.setBasicAuth(reader.user(), reader.password())).build()
                .post().uri("/api/gaps/" + SECURITY_SEAT + "/acknowledgement")
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange((request, response) -> response.getStatusCode());

        assertThat(noGap.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(404));
        assertThat(noGap.getBody().get("detail").asString()).contains("p-1/security/2");
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(400));
        assertThat(tooLong.getBody().get("detail").asString()).contains("'note'").contains("1001").contains("1000");
        assertThat(longest.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(200));
        assertThat(longest.getBody().get("acknowledgementNote").asString()).hasSize(1000);
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(200));
        assertThat(noNote.getBody().get("acknowledgementNote").isNull()).as("the latest acknowledgement had none")
                .isTrue();
        assertThat(noNote.getBody().get("acknowledgedBy").asString()).isEqualTo(expectedAcknowledger());
        assertThat(byReader).as("acknowledging needs the manager role").isEqualTo(HttpStatusCode.valueOf(403));
    }

    @Test
    void alertsOfTheIngestPathCarryTheAcknowledgementAndAGapThatReopensStartsAfresh() {
        RunningService service = start(Map.of());
        publishProject(opened("p-1", 3, slot("security", "security-engineer", 1, 1.0),
                slot("backend", "backend-engineer", 1, 1.0)));
        await().atMost(PATIENCE).until(() -> latestAlerts().containsKey("p-1/backend/1")
                && latestAlerts().containsKey(SECURITY_SEAT));
        assertThat(latestAlert("p-1/backend/1").getSeverity()).isEqualTo(GapSeverity.MEDIUM);
        acknowledge(service, "p-1/backend/1", "{\"note\": \"interviewing\"}");
        acknowledge(service, SECURITY_SEAT, "{\"note\": \"asking the security team\"}");

        publishProject(scheduleChanged("p-1", 2, 5));
        publishEmployee(hired("e-1", 1, "security-engineer", 1.0));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(latestAlert("p-1/backend/1")).as("the severity change, from the ingest path")
                    .satisfies(alert -> {
                        assertThat(alert.getStatus()).isEqualTo(GapStatus.UPDATED);
                        assertThat(alert.getSeverity()).isEqualTo(GapSeverity.HIGH);
                        assertThat(alert.getAcknowledgedBy()).isEqualTo(expectedAcknowledger());
                        assertThat(alert.getAcknowledgementNote()).isEqualTo("interviewing");
                    });
            assertThat(latestAlert(SECURITY_SEAT)).satisfies(alert -> {
                assertThat(alert.getStatus()).isEqualTo(GapStatus.RESOLVED);
                assertThat(alert.getResolution()).isEqualTo(GapResolution.FILLED);
            });
        });
        assertThat(service.http().get().uri("/api/gaps/p-1/backend/1").retrieve().body(JsonNode.class)
                .get("acknowledgementNote").asString()).isEqualTo("interviewing");

        publishEmployee(profileChanged("e-1", 2, List.of("backend-engineer"), List.of()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(latestAlert(SECURITY_SEAT)).satisfies(alert -> {
            assertThat(alert.getStatus()).isEqualTo(GapStatus.OPENED);
            assertThat(alert.getAcknowledgedBy()).isNull();
            assertThat(alert.getAcknowledgedAt()).isNull();
            assertThat(alert.getAcknowledgementNote()).isNull();
            assertThat(alert.getEscalationLevel()).isZero();
        }));
        JsonNode reopened = service.http().get().uri("/api/gaps/" + SECURITY_SEAT).retrieve().body(JsonNode.class);
        assertThat(reopened.get("acknowledgedBy").isNull()).isTrue();
        assertThat(reopened.get("acknowledgementNote").isNull()).isTrue();
    }

    @Test
    void aProjectMovedToAPoolDecidedBeforeItsOldOneKeepsItsGapAndItsSeatHolder() {
        RunningService service = start(Map.of());
        // Pools are decided in name order: the new pool ("alpha") before the old one ("zeta").
        publishEmployee(dev.staffing.events.EmployeeEvent.newBuilder(hired("e-1", 1, "backend-engineer", 1.0))
                .setPool("zeta").build());
        publishEmployee(dev.staffing.events.EmployeeEvent.newBuilder(hired("e-2", 1, "backend-engineer", 1.0))
                .setPool("alpha").build());
        publishProject(dev.staffing.events.ProjectEvent.newBuilder(opened("p-1", 4,
                slot("security", "security-engineer", 1, 1.0), slot("backend", "backend-engineer", 1, 1.0)))
                .setPool("zeta").build());
        await().atMost(PATIENCE).until(() -> latestAlerts().containsKey(SECURITY_SEAT)
                && "e-1".equals(holderOf(service, "backend")));

        publishProject(dev.staffing.events.ProjectEvent.newBuilder(scheduleChanged("p-1", 2, 4)).setPool("alpha")
                .build());

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(latestAlert(SECURITY_SEAT)).satisfies(alert -> {
                assertThat(alert.getStatus()).isEqualTo(GapStatus.UPDATED);
                assertThat(alert.getPool()).isEqualTo("alpha");
            });
            assertThat(holderOf(service, "backend")).as("the seat went to the new pool's engineer")
                    .isEqualTo("e-2");
        });
        JsonNode gap = service.http().get().uri("/api/gaps/" + SECURITY_SEAT).retrieve().body(JsonNode.class);
        assertThat(gap.get("pool").asString()).isEqualTo("alpha");
        assertThat(alertsOf(SECURITY_SEAT)).extracting(GapAlert::getStatus).as("the gap never closed")
                .doesNotContain(GapStatus.RESOLVED);
    }

    /** Who holds seat 1 of the slot of project p-1, or null. */
    private static String holderOf(RunningService service, String slotId) {
        JsonNode project = service.http().get().uri("/api/projects/p-1/staffing").exchange((request, response) ->
                response.getStatusCode().is2xxSuccessful() ? response.bodyTo(JsonNode.class) : null);
        if (project == null) {
            return null;
        }
        for (JsonNode slot : project.get("slots")) {
            for (JsonNode seat : slot.get("seats")) {
                if (slot.get("slotId").asString().equals(slotId) && seat.get("seat").asInt() == 1) {
                    return seat.get("employeeId").isNull() ? null : seat.get("employeeId").asString();
                }
            }
        }
        return null;
    }

    @Test
    void anAcknowledgementWaitsForADecisionInProgressAndNeitherIsLost() throws Exception {
        RunningService service = start(Map.of());
        publishProject(opened("p-1", 4, slot("security", "security-engineer", 1, 1.0)));
        await().atMost(PATIENCE).until(() -> latestAlerts().containsKey(SECURITY_SEAT));
        OpenGapRepository openGaps = service.bean(OpenGapRepository.class);

        CompletableFuture<Optional<OpenGap>> acknowledgement = new CompletableFuture<>();
        service.bean(TransactionTemplate.class).executeWithoutResult(status -> {
            // A decision about the pool, as the ingest path makes one: it holds the pool, reads the gap ...
            service.bean(PoolRebalancer.class).rebalance("default", PoolChanges.ForPool.timeOnly("test-decision"));
            OpenGap read = openGaps.findById(SECURITY_SEAT).orElseThrow();
            // ... an acknowledgement comes in meanwhile ...
            CompletableFuture.runAsync(() -> {
                try {
                    acknowledgement.complete(service.bean(GapAcknowledgements.class)
                            .acknowledge(SECURITY_SEAT, "on-call", "mid-decision"));
                } catch (RuntimeException e) {
                    acknowledgement.completeExceptionally(e);
                }
            });
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> !acknowledgement.isDone());
            // ... and the decision writes the row it read.
            openGaps.save(read.withSeverity(GapSeverity.HIGH.name()));
        });

        OpenGap acknowledged = acknowledgement.get(30, TimeUnit.SECONDS).orElseThrow();
        OpenGap stored = openGaps.findById(SECURITY_SEAT).orElseThrow();
        assertThat(acknowledged.severity()).as("the acknowledgement read the decision's row").isEqualTo("HIGH");
        assertThat(stored.severity()).isEqualTo("HIGH");
        assertThat(stored.acknowledgedBy()).isEqualTo("on-call");
        assertThat(stored.acknowledgementNote()).isEqualTo("mid-decision");
    }

    @Test
    void anUnacknowledgedCriticalGapEscalatesLevelByLevelUntilAcknowledgedAndOthersNever() {
        RunningService service = start(escalation("2s", 3));
        publishProject(opened("p-1", 4, slot("security", "security-engineer", 2, 1.0),
                slot("backend", "backend-engineer", 1, 1.0)));
        await().atMost(PATIENCE).until(() -> latestAlerts().keySet().containsAll(
                List.of("p-1/security/1", "p-1/security/2", "p-1/backend/1")));
        assertThat(latestAlert("p-1/backend/1").getSeverity()).isEqualTo(GapSeverity.HIGH);

        await().atMost(PATIENCE).until(() -> levelOf(service, "p-1/security/2") >= 1);
        JsonNode acknowledged = acknowledge(service, "p-1/security/2", "{}").getBody();
        int stoppedAt = acknowledged.get("escalationLevel").asInt();
        await().atMost(PATIENCE).until(() -> levelOf(service, "p-1/security/1") == 3);

        JsonNode first = service.http().get().uri("/api/gaps/p-1/security/1").retrieve().body(JsonNode.class);
        assertThat(Instant.parse(first.get("escalatedAt").asString())).isAfter(Instant.parse(first.get("openedAt")
                .asString()).plusSeconds(6));
        assertThat(stoppedAt).as("acknowledged while escalating").isBetween(1, 2);
        // A further period: the maximum holds, the acknowledged gap stays where it stopped.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                levelOf(service, "p-1/security/1") == 3 && levelOf(service, "p-1/security/2") == stoppedAt
                        && levelOf(service, "p-1/backend/1") == 0);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(escalationAlertLevels("p-1/security/1")).containsExactly(1, 2, 3);
            assertThat(latestAlert("p-1/security/1").getEscalatedAt())
                    .isEqualTo(Instant.parse(first.get("escalatedAt").asString()).truncatedTo(ChronoUnit.MILLIS));
        });
        assertThat(escalationAlertLevels("p-1/security/2")).hasSize(stoppedAt);
        assertThat(latestAlert("p-1/security/2").getEscalationLevel()).isEqualTo(stoppedAt);
        assertThat(latestAlert("p-1/security/2").getAcknowledgedBy()).isEqualTo(expectedAcknowledger());
        assertThat(alertsOf("p-1/backend/1")).extracting(GapAlert::getEscalationLevel).containsOnly(0);
    }

    @Test
    void twoInstancesOnOneDatabaseEscalateEachLevelExactlyOnce() {
        RunningService one = start(escalation("1s", 2));
        start(escalation("1s", 2));
        publishProject(opened("p-1", 4, slot("security", "security-engineer", 6, 1.0)));
        List<String> seats = List.of(1, 2, 3, 4, 5, 6).stream().map(seat -> "p-1/security/" + seat).toList();

        await().atMost(PATIENCE).ignoreExceptions().until(() -> seats.stream().allMatch(seat -> levelOf(one, seat) == 2));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(seats).allSatisfy(seat ->
                assertThat(latestAlert(seat).getEscalationLevel()).isEqualTo(2)));
        // Both instances kept checking for a while after the last level: nothing more may come.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);

        Map<String, List<Integer>> levels = seats.stream().collect(Collectors.toMap(seat -> seat,
                this::escalationAlertLevels));
        assertThat(levels).allSatisfy((seat, perSeat) -> assertThat(perSeat).as(seat).containsExactly(1, 2));
    }

    /** Settings of a service that escalates after {@code after}, looking every 200 ms. */
    private static Map<String, Object> escalation(String after, int maxLevel) {
        return Map.of("staffing.gaps.escalation.after", after, "staffing.gaps.escalation.check-interval", "200ms",
                "staffing.gaps.escalation.max-level", maxLevel);
    }

    /** The user the service records as acknowledging, for requests that {@link RunningService#http()} sends. */
    private static String expectedAcknowledger() {
        return RunningService.managerCredentials().user();
    }

    private RunningService start(Map<String, Object> extra) {
        SharedInfrastructure infrastructure = infrastructure();
        Map<String, Object> settings = new HashMap<>(RunningService.isolatedSettings(infrastructure.bootstrapServers(),
                infrastructure.registryUrl(), suffix));
        settings.putAll(databaseProperties(suffix));
        settings.putAll(extra);
        RunningService service = RunningService.start(settings);
        services.add(service);
        return service;
    }

    private static SharedInfrastructure infrastructure() {
        return SharedInfrastructure.get();
    }

    /** Posts an acknowledgement as the manager; a JSON body (the service asks other posts for a CSRF token). */
    private static ResponseEntity<JsonNode> acknowledge(RunningService service, String seatKey, String json) {
        return service.http().post().uri("/api/gaps/" + seatKey + "/acknowledgement")
                .contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) ->
                        ResponseEntity.status(response.getStatusCode()).body(response.bodyTo(JsonNode.class)));
    }

    private static int levelOf(RunningService service, String seatKey) {
        return service.http().get().uri("/api/gaps/" + seatKey).retrieve().body(JsonNode.class)
                .get("escalationLevel").asInt();
    }

    private void publishProject(dev.staffing.events.ProjectEvent event) {
        send(RunningService.topic("project-events", suffix), event.getProjectId(), event);
    }

    private void publishEmployee(dev.staffing.events.EmployeeEvent event) {
        send(RunningService.topic("employee-events", suffix), event.getEmployeeId(), event);
    }

    private void send(String topic, String key, Object event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Every alert published for a seat, in topic order. */
    private List<GapAlert> alertsOf(String seatKey) {
        return output.gapAlertRecords().stream().filter(record -> record.key().equals(seatKey))
                .map(record -> (GapAlert) record.value()).toList();
    }

    /** The levels of the escalation alerts of a seat (raised at the moment of escalation), in topic order. */
    private List<Integer> escalationAlertLevels(String seatKey) {
        return alertsOf(seatKey).stream()
                .filter(alert -> alert.getEscalatedAt() != null && alert.getEscalatedAt().equals(alert.getOccurredAt()))
                .map(GapAlert::getEscalationLevel).toList();
    }

    private Map<String, GapAlert> latestAlerts() {
        return output.gapAlertRecords().stream().collect(Collectors.toMap(ConsumerRecord::key,
                record -> (GapAlert) record.value(), (first, second) -> second));
    }

    private GapAlert latestAlert(String key) {
        Map<String, GapAlert> latest = latestAlerts();
        assertThat(latest).containsKey(key);
        return latest.get(key);
    }
}
