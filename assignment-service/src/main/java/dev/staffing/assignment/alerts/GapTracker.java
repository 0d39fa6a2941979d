package dev.staffing.assignment.alerts;

import dev.staffing.assignment.engine.Gap;
import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.outbox.EventIds;
import dev.staffing.assignment.outbox.Outbox;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.assignment.projects.Project;
import dev.staffing.events.GapAlert;
import dev.staffing.events.GapReason;
import dev.staffing.events.GapResolution;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one open gap per empty seat and alerts on its changes: OPENED when a seat becomes empty,
 * UPDATED when its severity, reason or effective date changes, RESOLVED when it is no longer empty.
 * Compared once per processed batch, so a gap opened and closed within one batch raises nothing.
 */
@Component
public class GapTracker {

    private static final Logger log = LoggerFactory.getLogger(GapTracker.class);

    private final OpenGapRepository openGaps;
    private final Outbox outbox;
    private final StaffingTopics topics;
    private final PersonaCatalog catalog;
    private final GapProperties gapProperties;

    GapTracker(OpenGapRepository openGaps, Outbox outbox, StaffingTopics topics, PersonaCatalog catalog,
            GapProperties gapProperties) {
        this.openGaps = openGaps;
        this.outbox = outbox;
        this.topics = topics;
        this.catalog = catalog;
        this.gapProperties = gapProperties;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void reconcile(String pool, List<Gap> gaps, Collection<OpenGap> before, List<Project> projects,
            String causationId, Instant now, LocalDate today) {
        Map<String, OpenGap> stillOpen = new LinkedHashMap<>();
        before.forEach(gap -> stillOpen.put(gap.seatKey(), gap));
        Map<String, Project> projectsById = new LinkedHashMap<>();
        projects.forEach(project -> projectsById.put(project.id(), project));

        for (Gap gap : gaps) {
            Project project = projectsById.get(gap.seat().projectId());
            GapSeverity severity = GapSeverityPolicy.severityOf(catalog.criticalityOf(gap.persona()),
                    project.priority(), ChronoUnit.DAYS.between(today, gap.effectiveDate()),
                    gapProperties.near().toDays(), gapProperties.far().toDays());
            OpenGap previous = stillOpen.remove(gap.seat().asString());
            OpenGap current = new OpenGap(gap.seat().asString(), pool, gap.seat().projectId(), gap.seat().slotId(),
                    gap.seat().seat(), gap.persona(), severity.name(), gap.cause().name(), gap.detail(),
                    gap.effectiveDate(), previous == null ? now : previous.openedAt(),
                    String.join("\n", gap.candidates()), gap.suggestion(),
                    previous == null ? null : previous.version());
            if (previous == null) {
                publish(openGaps.save(current), GapStatus.OPENED, null, causationId, now);
            } else if (!sameAlert(previous, current)) {
                publish(openGaps.save(current), GapStatus.UPDATED, null, causationId, now);
            } else if (!previous.detail().equals(current.detail())
                    || !previous.candidates().equals(current.candidates())
                    || !previous.suggestion().equals(current.suggestion())) {
                openGaps.save(current);
            }
        }
        for (OpenGap resolved : stillOpen.values()) {
            openGaps.deleteById(resolved.seatKey());
            publish(resolved, GapStatus.RESOLVED,
                    resolution(resolved, projectsById.get(resolved.projectId()), today), causationId, now);
        }
    }

    private static boolean sameAlert(OpenGap previous, OpenGap current) {
        return previous.severity().equals(current.severity()) && previous.reason().equals(current.reason())
                && Objects.equals(previous.effectiveDate(), current.effectiveDate());
    }

    private static GapResolution resolution(OpenGap gap, Project project, LocalDate today) {
        if (project == null || project.isOver(today)) {
            return GapResolution.PROJECT_CLOSED;
        }
        Optional<Integer> seats = project.slots().stream()
                .filter(slot -> slot.slotId().equals(gap.slotId()))
                .map(slot -> slot.seats())
                .findFirst();
        return seats.isPresent() && seats.get() >= gap.seat() ? GapResolution.FILLED : GapResolution.SLOT_REMOVED;
    }

    private void publish(OpenGap gap, GapStatus status, GapResolution resolution, String causationId, Instant now) {
        String detail = resolution == null ? gap.detail() : "resolved: " + resolution.name().toLowerCase()
                .replace('_', ' ');
        GapAlert alert = GapAlert.newBuilder()
                .setEventId(EventIds.of("gap", causationId, gap.seatKey(), status.name(), gap.reason(), gap.severity()))
                .setOccurredAt(now)
                .setCausationId(causationId)
                .setPool(gap.pool())
                .setProjectId(gap.projectId())
                .setSlotId(gap.slotId())
                .setSeat(gap.seat())
                .setPersona(gap.persona())
                .setStatus(status)
                .setSeverity(GapSeverity.valueOf(gap.severity()))
                .setEffectiveDate(gap.effectiveDate())
                .setReason(GapReason.valueOf(gap.reason()))
                .setResolution(resolution)
                .setDetail(detail)
                .setCandidates(resolution == null ? gap.candidateList() : List.of())
                .setSuggestion(resolution == null ? gap.suggestion() : "")
                .build();
        outbox.append(topics.gapAlerts(), gap.seatKey(), alert);
        log.info("Gap {} for seat {} ({}), severity {}, reason {}{}", status, gap.seatKey(), gap.persona(),
                gap.severity(), gap.reason(), resolution == null ? "" : ", resolution " + resolution);
    }
}
