package dev.staffing.assignment.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.events.GapAlert;
import dev.staffing.events.GapReason;
import dev.staffing.events.GapResolution;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GapAlertJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final GapAlertJson json = new GapAlertJson(mapper);

    @Test
    void carriesEveryFieldOfTheAlertWithTheSeatKeyAndPartitionOffsetAsId() {
        GapAlert alert = alert(GapStatus.OPENED, null);

        GapStreamEvent event = json.toEvent(new ConsumerRecord<>("gap-alerts", 2, 17L, "p-1/security/1", alert),
                alert);

        assertThat(event.id()).isEqualTo("2-17");
        assertThat(event.persona()).isEqualTo("security-engineer");
        assertThat(event.pool()).isEqualTo("default");
        assertThat(event.projectId()).isEqualTo("p-1");
        JsonNode data = mapper.readTree(event.json());
        assertThat(data.get("seatKey").asString()).isEqualTo("p-1/security/1");
        assertThat(data.get("status").asString()).isEqualTo("OPENED");
        assertThat(data.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(data.get("reason").asString()).isEqualTo("NO_PERSONA_HOLDER");
        assertThat(data.get("seat").asInt()).isEqualTo(1);
        assertThat(data.get("effectiveDate").asString()).isEqualTo("2026-03-02");
        assertThat(data.get("occurredAt").asString()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(data.get("candidates").valueStream().map(JsonNode::asString).toList())
                .containsExactly("e-7: lacks persona security-engineer");
        assertThat(data.get("resolution").isNull()).isTrue();
        assertThat(data.get("eventId").asString()).isEqualTo("evt-1");
        assertThat(event.json()).doesNotContain("\n");
    }

    @Test
    void resolvedAlertNamesItsResolution() {
        GapAlert alert = alert(GapStatus.RESOLVED, GapResolution.FILLED);

        JsonNode data = mapper.readTree(json.toEvent(new ConsumerRecord<>("gap-alerts", 0, 3L, "p-1/security/1",
                alert), alert).json());

        assertThat(data.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(data.get("resolution").asString()).isEqualTo("FILLED");
    }

    private static GapAlert alert(GapStatus status, GapResolution resolution) {
        return GapAlert.newBuilder().setEventId("evt-1").setOccurredAt(Instant.parse("2026-03-01T09:30:00Z"))
                .setPool("default").setProjectId("p-1").setSlotId("security").setSeat(1)
                .setPersona("security-engineer").setStatus(status).setSeverity(GapSeverity.CRITICAL)
                .setEffectiveDate(LocalDate.parse("2026-03-02")).setReason(GapReason.NO_PERSONA_HOLDER)
                .setResolution(resolution).setDetail("no active person holds security-engineer")
                .setCandidates(List.of("e-7: lacks persona security-engineer")).setSuggestion("hire").build();
    }
}
