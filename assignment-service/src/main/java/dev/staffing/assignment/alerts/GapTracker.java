package dev.staffing.assignment.alerts;

import dev.staffing.assignment.engine.Gap;
import dev.staffing.assignment.engine.GapChange;
import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.outbox.EventIds;
import dev.staffing.assignment.outbox.Outbox;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.assignment.projects.ProjectStore;
import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.IdChunks;
import dev.staffing.events.GapResolution;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one open gap per empty seat and alerts on its changes, as the engine reports them: OPENED when a
 * seat becomes empty, UPDATED when its cause, effective date or severity changes, RESOLVED when it is no
 * longer empty. A gap opened and closed within one processed batch raises nothing. Severity comes from
 * the persona's criticality, the project's priority and how near the gap's day is, so it is looked at
 * again when a project's priority changes and each day.
 *
 * <p>A gap that goes on (UPDATED) keeps its acknowledgement and escalation level, and every alert carries
 * them; a gap that resolves loses its row, so when the seat empties again it starts afresh. The
 * acknowledgement ({@link GapAcknowledgements}) and the escalation ({@link GapEscalation}) write the same
 * rows, but only while holding the pool's decision lock (its {@code staffing_pool} row, which a decision
 * holds for its whole transaction, see {@code staffing.PoolEngines}). So this tracker, which runs only
 * inside a decision, reads each row after any acknowledgement committed before the decision began and
 * before any that commits after it: none is lost, no save here meets a newer version, and the alerts of
 * one seat reach the outbox in the order their transactions commit.
 */
@Component
public class GapTracker {

    private static final Logger log = LoggerFactory.getLogger(GapTracker.class);

    private final OpenGapRepository openGaps;
    private final JdbcTemplate jdbc;
    private final ProjectStore projects;
    private final Outbox outbox;
    private final StaffingTopics topics;
    private final PersonaCatalog catalog;
    private final GapProperties gapProperties;
    private final DatabaseKind database;

    GapTracker(OpenGapRepository openGaps, JdbcTemplate jdbc, ProjectStore projects, Outbox outbox,
            StaffingTopics topics, PersonaCatalog catalog, GapProperties gapProperties, DatabaseKind database) {
        this.openGaps = openGaps;
        this.jdbc = jdbc;
        this.projects = projects;
        this.outbox = outbox;
        this.topics = topics;
        this.catalog = catalog;
        this.gapProperties = gapProperties;
        this.database = database;
    }

    /** The gap changes of one pool's decision, and the input event that caused it. */
    public record PoolGapChanges(String pool, List<GapChange> changes, String causationId) {
    }

    /**
     * Stores and alerts the gap changes of the decisions of one batch, in their order: the stored rows of
     * every seat they name, and their projects' priorities, are read in one statement each (per
     * {@link IdChunks#SIZE} ids), and the rows are
     * written in one JDBC batch each for new, changed and removed gaps. A seat whose project moved to
     * another pool is named by both pools; its gap belongs to the pool that now has the project, whichever
     * of the two is decided first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyAll(List<PoolGapChanges> decisions, Instant now, LocalDate today) {
        Set<String> seatKeys = new LinkedHashSet<>();
        Set<String> projectIds = new HashSet<>();
        for (PoolGapChanges decision : decisions) {
            for (GapChange change : decision.changes()) {
                seatKeys.add(change.seat().asString());
                projectIds.add(change.seat().projectId());
            }
        }
        if (seatKeys.isEmpty()) {
            return;
        }
        Map<String, OpenGap> rows = new HashMap<>(seatKeys.size() * 2);
        IdChunks.readAll(seatKeys, openGaps::findAllBySeatKeyAmong).forEach(row -> rows.put(row.seatKey(), row));
        Map<String, Integer> priorities = projects.prioritiesOf(projectIds);
        OpenGapWrites writes = new OpenGapWrites();
        for (PoolGapChanges decision : decisions) {
            for (GapChange change : decision.changes()) {
                apply(decision.pool(), change, rows, priorities, writes, decision.causationId(), now, today);
            }
        }
        writes.flush(jdbc, database);
    }

    private void apply(String pool, GapChange change, Map<String, OpenGap> rows, Map<String, Integer> priorities,
            OpenGapWrites writes, String causationId, Instant now, LocalDate today) {
        String seatKey = change.seat().asString();
        Optional<OpenGap> stored = Optional.ofNullable(rows.get(seatKey));
        if (change instanceof GapChange.Opened opened) {
            OpenGap gap = writes.save(row(pool, opened.gap(), severity(opened.gap(), priorities, today), now, stored));
            rows.put(seatKey, gap);
            publish(gap, stored.isPresent() ? GapStatus.UPDATED : GapStatus.OPENED, null, causationId, now);
        } else if (change instanceof GapChange.Updated updated) {
            OpenGap gap = writes.save(row(pool, updated.gap(), severity(updated.gap(), priorities, today), now,
                    stored));
            rows.put(seatKey, gap);
            publish(gap, GapStatus.UPDATED, null, causationId, now);
        } else if (change instanceof GapChange.Resolved resolved) {
            if (stored.isPresent() && !stored.get().pool().equals(pool)) {
                // The project moved and its new pool, decided first, has the seat's gap now.
                return;
            }
            OpenGap last = stored.orElseGet(() -> row(pool, resolved.last(), severity(resolved.last(), priorities,
                    today), now, Optional.empty()));
            stored.ifPresent(writes::delete);
            rows.remove(seatKey);
            publish(last, GapStatus.RESOLVED, GapResolution.valueOf(resolved.resolution().name()), causationId, now);
        }
    }

    /** Looks again at the severity of every open gap of the pool (a new day brings gaps nearer). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reviewAllSeverities(String pool, String causationId, Instant now, LocalDate today) {
        review(openGaps.findByPool(pool), gap -> causationId, now, today);
    }

    /**
     * Looks again at the severity of the open gaps of these projects (their priority changed), each alert
     * caused by the event given for its project; one read for all of them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reviewSeverities(Map<String, String> causationByProject, Instant now, LocalDate today) {
        if (causationByProject.isEmpty()) {
            return;
        }
        List<OpenGap> gaps = IdChunks.readAll(causationByProject.keySet(), openGaps::findAllByProjectIdAmong);
        review(gaps, gap -> causationByProject.get(gap.projectId()), now, today);
    }

    private void review(List<OpenGap> gaps, Function<OpenGap, String> causation, Instant now, LocalDate today) {
        if (gaps.isEmpty()) {
            return;
        }
        Map<String, Integer> priorities = projects.prioritiesOf(gaps.stream().map(OpenGap::projectId)
                .collect(Collectors.toSet()));
        OpenGapWrites writes = new OpenGapWrites();
        for (OpenGap gap : gaps) {
            String severity = severity(gap.persona(), gap.projectId(), gap.effectiveDate(), priorities, today).name();
            if (!severity.equals(gap.severity())) {
                publish(writes.save(gap.withSeverity(severity)), GapStatus.UPDATED, null, causation.apply(gap), now);
            }
        }
        writes.flush(jdbc, database);
    }

    private OpenGap row(String pool, Gap gap, GapSeverity severity, Instant now, Optional<OpenGap> stored) {
        return new OpenGap(gap.seat().asString(), pool, gap.seat().projectId(), gap.seat().slotId(), gap.seat().seat(),
                gap.persona(), severity.name(), gap.cause().name(), gap.detail(), gap.effectiveDate(),
                stored.map(OpenGap::openedAt).orElse(now), String.join("\n", gap.candidates()), gap.suggestion(),
                stored.map(OpenGap::acknowledgedBy).orElse(null), stored.map(OpenGap::acknowledgedAt).orElse(null),
                stored.map(OpenGap::acknowledgementNote).orElse(null),
                stored.map(OpenGap::escalationLevel).orElse(0), stored.map(OpenGap::escalatedAt).orElse(null),
                stored.map(OpenGap::version).orElse(null));
    }

    private GapSeverity severity(Gap gap, Map<String, Integer> priorities, LocalDate today) {
        return severity(gap.persona(), gap.seat().projectId(), gap.effectiveDate(), priorities, today);
    }

    private GapSeverity severity(String persona, String projectId, LocalDate effectiveDate,
            Map<String, Integer> priorities, LocalDate today) {
        int priority = priorities.getOrDefault(projectId, 1);
        return GapSeverityPolicy.severityOf(catalog.criticalityOf(persona), priority,
                ChronoUnit.DAYS.between(today, effectiveDate), gapProperties.near().toDays(),
                gapProperties.far().toDays());
    }

    private void publish(OpenGap gap, GapStatus status, GapResolution resolution, String causationId, Instant now) {
        String eventId = EventIds.of("gap", causationId, gap.seatKey(), status.name(), gap.reason(), gap.severity());
        outbox.append(topics.gapAlerts(), gap.seatKey(), GapAlerts.of(gap, status, resolution, eventId, causationId,
                now));
        log.debug("Gap {} for seat {} ({}), severity {}, reason {}{}", status, gap.seatKey(), gap.persona(),
                gap.severity(), gap.reason(), resolution == null ? "" : ", resolution " + resolution);
    }
}
