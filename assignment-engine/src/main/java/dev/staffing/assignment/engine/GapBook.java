package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gaps last reported, one per seat, and what changes them. Only the slots something touched are
 * looked at again: their holders changed, their requirements, or a count behind their cause reached or
 * left zero; a new day looks at every slot. A gap's explanation (detail, candidates, the smallest change
 * that would fill it) is written when it opens or changes, not at every decision.
 */
final class GapBook {

    private final PoolModel model;
    private final Map<SeatKey, Gap> reported = new HashMap<>();
    /** Seats emptied by their holder's departure or leave: that stays the cause while they stay empty. */
    private final Map<SeatKey, Gap> freedByHolder = new HashMap<>();
    private final Map<SeatKey, GapChange.Resolution> removedSeats = new HashMap<>();
    private final Set<SlotState> dirty = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean allDirty;

    GapBook(PoolModel model) {
        this.model = model;
    }

    /** The gaps reported before a rebuild: only changes against them are reported again. */
    void preload(Collection<Gap> open) {
        for (Gap gap : open) {
            reported.put(gap.seat(), gap);
        }
        allDirty = true;
    }

    /**
     * Once a rebuilt pool's stored holdings are placed: a departure or leave gap reported on a seat that had
     * no stored holding is one its holder's absence freed, and stays the seat's cause while it stays empty
     * (unless placing the holdings freed it afresh). One on a seat that had a holding was only announced,
     * and gives way to the seat's own cause if placing released the holder for another reason.
     */
    void adoptFreedSeats(Set<SeatKey> storedSeats) {
        for (Gap gap : reported.values()) {
            boolean byAbsence = gap.cause() == GapCause.HOLDER_DEPARTED || gap.cause() == GapCause.HOLDER_ON_LEAVE;
            if (byAbsence && !storedSeats.contains(gap.seat())) {
                freedByHolder.putIfAbsent(gap.seat(), gap);
            }
        }
    }

    void markDirty(SlotState slot) {
        dirty.add(slot);
    }

    void markAllDirty() {
        allDirty = true;
    }

    void freedByHolder(Gap gap) {
        freedByHolder.put(gap.seat(), gap);
    }

    /** Seats {@code from} and above of the slot are gone. */
    void seatsRemoved(SlotState slot, int from, GapChange.Resolution resolution) {
        for (int seat = from; seat <= slot.seats(); seat++) {
            SeatKey key = slot.seatKey(seat);
            removedSeats.put(key, resolution);
            freedByHolder.remove(key);
        }
    }

    Collection<Gap> reported() {
        return reported.values();
    }

    Optional<Gap> reported(SeatKey seat) {
        return Optional.ofNullable(reported.get(seat));
    }

    /** Compares the touched seats with what was reported; returns the changes in seat order. */
    List<GapChange> refresh(GapExplainer explainer) {
        Map<SeatKey, GapChange> changes = new TreeMap<>();
        removedSeats.forEach((seat, resolution) -> {
            Gap last = reported.remove(seat);
            if (last != null) {
                changes.put(seat, new GapChange.Resolved(last, resolution));
            }
        });
        removedSeats.clear();
        Collection<SlotState> slots = allDirty ? model.slots() : new ArrayList<>(dirty);
        if (allDirty) {
            resolveSeatsOfVanishedSlots(changes);
        }
        for (SlotState slot : slots) {
            if (slot.project.slots.get(slot.slotId) != slot) {
                continue;
            }
            for (int seat = 1; seat <= slot.seats(); seat++) {
                compare(slot, seat, explainer, changes);
            }
        }
        dirty.clear();
        allDirty = false;
        return new ArrayList<>(changes.values());
    }

    private void compare(SlotState slot, int seat, GapExplainer explainer, Map<SeatKey, GapChange> changes) {
        SeatKey key = slot.seatKey(seat);
        Gap last = reported.get(key);
        Gap now = currentGap(slot, seat);
        if (now == null) {
            if (last != null) {
                reported.remove(key);
                changes.put(key, new GapChange.Resolved(last, GapChange.Resolution.FILLED));
            }
            return;
        }
        if (last != null && last.cause() == now.cause() && last.effectiveDate().equals(now.effectiveDate())) {
            return;
        }
        Gap explained = explainer.explain(slot, seat, now);
        reported.put(key, explained);
        changes.put(key, last == null ? new GapChange.Opened(explained) : new GapChange.Updated(last, explained));
    }

    /** The seat's gap as things stand, unexplained: its cause, detail where it is fixed, and date. */
    private Gap currentGap(SlotState slot, int seat) {
        SeatKey key = slot.seatKey(seat);
        String holder = slot.holders[seat - 1];
        if (holder != null) {
            freedByHolder.remove(key);
            PersonState person = model.people.get(holder);
            Optional<Absence> next = person.nextAbsence(model.today);
            if (next.isEmpty() || next.get().from().isAfter(model.horizonEnd)) {
                return null;
            }
            Absence absence = next.get();
            boolean departs = absence.kind() == Availability.DEPARTED;
            return new Gap(key, slot.demand.persona(), departs ? GapCause.HOLDER_DEPARTED : GapCause.HOLDER_ON_LEAVE,
                    "holder " + holder + (departs ? " departs: " : " goes on leave: ") + absence.announce(),
                    absence.from());
        }
        LocalDate effective = slot.effectiveDate(model.today);
        if (effective.isAfter(model.horizonEnd)) {
            return null;
        }
        Gap freed = freedByHolder.get(key);
        if (freed != null) {
            return freed;
        }
        GapCause cause = model.activeWith(slot.demand.persona()) == 0 ? GapCause.NO_PERSONA_HOLDER
                : slot.admittedActive == 0 ? GapCause.LACKS_SKILLS_OR_SENIORITY : GapCause.ALL_AT_CAPACITY;
        return new Gap(key, slot.demand.persona(), cause, "", effective);
    }

    /** After a rebuild or a new day: reported seats whose slot is gone altogether. */
    private void resolveSeatsOfVanishedSlots(Map<SeatKey, GapChange> changes) {
        List<SeatKey> vanished = reported.keySet().stream()
                .filter(seat -> {
                    SlotState slot = model.slot(seat);
                    return slot == null || seat.seat() > slot.seats();
                })
                .sorted(Comparator.naturalOrder())
                .toList();
        for (SeatKey seat : vanished) {
            Gap last = reported.remove(seat);
            freedByHolder.remove(seat);
            GapChange.Resolution resolution = model.projects.containsKey(seat.projectId())
                    ? GapChange.Resolution.SLOT_REMOVED : GapChange.Resolution.PROJECT_CLOSED;
            changes.put(seat, new GapChange.Resolved(last, resolution));
        }
    }
}
