package dev.staffing.assignment.alerts;

import dev.staffing.assignment.health.OutageLog;
import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.outbox.EventIds;
import dev.staffing.assignment.outbox.Outbox;
import dev.staffing.events.GapSeverity;
import dev.staffing.events.GapStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates urgent gaps that no one acknowledges: a gap of at least {@code lowest-severity} left
 * unacknowledged for {@code after} since it opened reaches level 1, then one level more each further
 * {@code after} since the last, up to {@code max-level}; an acknowledgement stops it where it is. Each
 * escalation is an UPDATED gap alert written through the outbox in the transaction that raises the level.
 *
 * <p>Every instance runs the check. Each pool's escalations happen under the pool's decision lock, and the
 * level is raised only from the row read ({@link OpenGapRepository#escalate}), so each level of a gap is
 * reached exactly once whichever instance gets there first; its alert's event id (seat, opening time,
 * level) is the same on every instance.
 */
@Component
class GapEscalation {

    private static final Logger log = LoggerFactory.getLogger(GapEscalation.class);

    private final OpenGapRepository openGaps;
    private final PoolDecisionLock poolLock;
    private final Outbox outbox;
    private final StaffingTopics topics;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final GapEscalationProperties properties;
    private final List<String> escalatingSeverities;

    private final OutageLog outage = new OutageLog(log, "Gap escalation check");

    GapEscalation(OpenGapRepository openGaps, PoolDecisionLock poolLock, Outbox outbox, StaffingTopics topics,
            TransactionTemplate transactions, Clock clock, GapEscalationProperties properties) {
        this.openGaps = openGaps;
        this.poolLock = poolLock;
        this.outbox = outbox;
        this.topics = topics;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.escalatingSeverities = Arrays.stream(GapSeverity.values()).map(GapSeverity::name)
                .filter(properties::escalates).toList();
    }

    @Scheduled(fixedDelayString = "${staffing.gaps.escalation.check-interval:30s}",
            initialDelayString = "${staffing.gaps.escalation.check-interval:30s}")
    void check() {
        try {
            escalateDue();
        } catch (RuntimeException e) {
            outage.failed(e, "trying again every " + properties.checkInterval());
            return;
        }
        outage.worked();
    }

    /** Escalates every gap that is due by one level; returns how many it escalated. */
    int escalateDue() {
        Instant now = clock.instant();
        Map<String, List<OpenGap>> duePerPool = openGaps.findEscalationCandidates(escalatingSeverities,
                properties.maxLevel()).stream()
                .filter(gap -> isDue(gap, now))
                .collect(Collectors.groupingBy(OpenGap::pool, TreeMap::new, Collectors.toList()));
        int escalated = 0;
        for (Map.Entry<String, List<OpenGap>> pool : duePerPool.entrySet()) {
            Integer inPool = transactions.execute(status -> escalateInPool(pool.getKey(), pool.getValue()));
            escalated += inPool == null ? 0 : inPool;
        }
        return escalated;
    }

    private int escalateInPool(String pool, List<OpenGap> due) {
        poolLock.lock(pool);
        // Microseconds, as the database keeps them: the alert says what a later read shows.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int escalated = 0;
        for (OpenGap candidate : due) {
            // Read again under the lock: a decision, an acknowledgement or another instance may have come first.
            OpenGap gap = openGaps.findById(candidate.seatKey()).orElse(null);
            if (gap == null || !gap.openedAt().equals(candidate.openedAt()) || !isDue(gap, now)
                    || openGaps.escalate(gap.seatKey(), gap.version(), gap.escalationLevel(), now) != 1) {
                continue;
            }
            int level = gap.escalationLevel() + 1;
            String eventId = EventIds.of("gap-escalated", gap.seatKey(), String.valueOf(gap.openedAt().toEpochMilli()),
                    String.valueOf(level));
            outbox.append(topics.gapAlerts(), gap.seatKey(), GapAlerts.of(gap.withEscalation(level, now),
                    GapStatus.UPDATED, null, eventId, null, now));
            log.info("Gap for seat {} escalated to level {}", gap.seatKey(), level);
            escalated++;
        }
        return escalated;
    }

    private boolean isDue(OpenGap gap, Instant now) {
        if (gap.acknowledged() || gap.escalationLevel() >= properties.maxLevel()
                || !properties.escalates(gap.severity())) {
            return false;
        }
        Instant since = gap.escalationLevel() == 0 || gap.escalatedAt() == null ? gap.openedAt() : gap.escalatedAt();
        return !since.plus(properties.after()).isAfter(now);
    }
}
