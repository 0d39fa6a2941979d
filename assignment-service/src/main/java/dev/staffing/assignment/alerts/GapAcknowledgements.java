package dev.staffing.assignment.alerts;

import dev.staffing.assignment.messaging.StaffingTopics;
import dev.staffing.assignment.outbox.EventIds;
import dev.staffing.assignment.outbox.Outbox;
import dev.staffing.events.GapStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staffing manager's acknowledgement of an open gap: who took it on, when and with what note. The
 * latest acknowledgement is the one kept (who, when and note all replaced); it stops the gap's
 * escalation at the level reached. Each is announced as an UPDATED gap alert through the outbox, in the
 * same transaction as the row change.
 */
@Component
public class GapAcknowledgements {

    /** The longest note an acknowledgement keeps, in characters. */
    public static final int MAX_NOTE_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(GapAcknowledgements.class);

    private final OpenGapRepository openGaps;
    private final PoolDecisionLock poolLock;
    private final Outbox outbox;
    private final StaffingTopics topics;
    private final Clock clock;

    GapAcknowledgements(OpenGapRepository openGaps, PoolDecisionLock poolLock, Outbox outbox, StaffingTopics topics,
            Clock clock) {
        this.openGaps = openGaps;
        this.poolLock = poolLock;
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * Records that {@code by} acknowledged the open gap of {@code seatKey} now, with {@code note} (null or
     * blank: none); empty if the seat has no open gap.
     *
     * @throws IllegalArgumentException if the note is longer than {@link #MAX_NOTE_LENGTH}
     */
    @Transactional
    public Optional<OpenGap> acknowledge(String seatKey, String by, String note) {
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("The acknowledgement note of seat " + seatKey + " is " + note.length()
                    + " characters; at most " + MAX_NOTE_LENGTH + " are kept");
        }
        Optional<String> pool = openGaps.findById(seatKey).map(OpenGap::pool);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        poolLock.lock(pool.get());
        // Read again under the lock: a decision that held it may have changed or resolved the gap meanwhile.
        return openGaps.findById(seatKey).map(gap -> {
            // Microseconds, as the database keeps them: the answer shows what a later read shows.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            OpenGap acknowledged = openGaps.save(gap.withAcknowledgement(by, now,
                    note == null || note.isBlank() ? null : note));
            String eventId = EventIds.of("gap-acknowledged", seatKey, String.valueOf(gap.openedAt().toEpochMilli()),
                    by, now.toString());
            outbox.append(topics.gapAlerts(), seatKey, GapAlerts.of(acknowledged, GapStatus.UPDATED, null, eventId,
                    null, now));
            log.info("Gap for seat {} acknowledged by {}", seatKey, by);
            return acknowledged;
        });
    }
}
