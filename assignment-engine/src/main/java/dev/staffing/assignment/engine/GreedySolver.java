package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The solver for pools whose seats ask for different allocations (half-time and full-time seats
 * together), where the exact matching does not apply: it keeps every valid holding and fills the open
 * seats from the highest weight down with the eligible person who has the most capacity left (spreading
 * load), ties broken by id. Only seats a change could have made fillable are looked at: those of changed
 * slots, and those of the personas of people who gained capacity.
 */
final class GreedySolver implements Solver {

    static final Comparator<SeatRef> FILL_ORDER = Comparator
            .comparingLong((SeatRef seat) -> seat.slot().weight()).reversed()
            .thenComparing(seat -> seat.slot().project.demand.start())
            .thenComparing(SeatRef::key);

    private final PoolModel model;
    private final Set<SlotState> dirtySlots = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> dirtyPersonas = new HashSet<>();

    GreedySolver(PoolModel model) {
        this.model = model;
        dirtySlots.addAll(model.slots());
    }

    @Override
    public void personChanged(PersonState person) {
        dirtyPersonas.addAll(person.profile.personas());
    }

    @Override
    public void slotChanged(SlotState slot) {
        dirtySlots.add(slot);
    }

    @Override
    public void slotRemoved(SlotState slot) {
        dirtySlots.remove(slot);
    }

    @Override
    public void released(PersonState person, SlotState slot) {
        dirtyPersonas.addAll(person.profile.personas());
        dirtySlots.add(slot);
    }

    @Override
    public HeldBack decide(ChangeLog log) {
        Set<SlotState> slots = Collections.newSetFromMap(new IdentityHashMap<>());
        slots.addAll(dirtySlots);
        dirtyPersonas.forEach(persona -> slots.addAll(model.slotsFor(persona)));
        List<SeatRef> open = new ArrayList<>();
        for (SlotState slot : slots) {
            if (slot.project.slots.get(slot.slotId) != slot) {
                continue;
            }
            for (int seat = 1; seat <= slot.seats(); seat++) {
                if (slot.holders[seat - 1] == null) {
                    open.add(new SeatRef(slot, seat));
                }
            }
        }
        open.sort(FILL_ORDER);
        for (SeatRef seat : open) {
            PersonState best = bestCandidate(seat.slot());
            if (best != null) {
                model.occupy(best, seat.slot(), seat.seat(), model.nextOrder);
                Holding holding = seat.slot().holding(seat.seat());
                log.assigned(AssignmentChange.assigned(holding, "employee " + best.id + " fills open seat "
                        + holding.seat() + " (" + holding.persona() + ")"));
            }
        }
        dirtySlots.clear();
        dirtyPersonas.clear();
        return HeldBack.NONE;
    }

    private PersonState bestCandidate(SlotState slot) {
        PersonState best = null;
        for (PersonState person : model.peopleWith(slot.demand.persona())) {
            if (person.remaining() < slot.demand.allocation() || !person.eligibleFor(slot)
                    || slot.seatOf(person.id) > 0) {
                continue;
            }
            if (best == null || person.remaining() > best.remaining()
                    || (person.remaining() == best.remaining() && person.id.compareTo(best.id) < 0)) {
                best = person;
            }
        }
        return best;
    }

    record SeatRef(SlotState slot, int seat) {

        SeatKey key() {
            return slot.seatKey(seat);
        }
    }
}
