package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The solver for pools whose seats ask for different allocations (half-time and full-time seats
 * together), where the exact matching does not apply: it keeps every valid holding and fills the open
 * seats from the highest weight down with the eligible person who has the most capacity left (spreading
 * load), ties broken by id. Only seats a change could have made fillable are looked at: those of changed
 * slots, and those of the personas of people who gained capacity. A seat of a slot that did not change
 * was left open by the previous decision because no one could take it, and no one's capacity has grown
 * since except that of the people a change touched or a release freed: only they are asked. A slot whose
 * weight or start alone changed counts as unchanged. Once a slot's seat finds no one, its other open seats
 * find no one either.
 *
 * <p>Pins come first, before any seat is filled, from the highest slot weight down (then the fill order,
 * then the person's id): a pinned person who is eligible and not yet seated takes an open seat of the
 * slot, or else the seat of its most recently assigned holder not pinned there; their own seats not
 * pinned go, lowest weight and most recent first, while their capacity falls short. A pin that would need
 * a seat or capacity only pins hold does not hold.
 */
final class GreedySolver implements Solver {

    /** The most FTE, in hundredths, anyone has (see {@link Candidate}). */
    private static final int FULL_TIME = 100;

    static final Comparator<SeatRef> FILL_ORDER = Comparator
            .comparingLong((SeatRef seat) -> seat.slot().weight()).reversed()
            .thenComparing(seat -> seat.slot().project.demand.start())
            .thenComparing(SeatRef::key);

    private final PoolModel model;
    private final Set<SlotState> dirtySlots = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> dirtyPersonas = new HashSet<>();
    /**
     * The people a change touched since the previous decision: changed (profile, capacity, availability),
     * freed from a seat, or unpinned. Their pins are looked at again, and they are the only ones who may take
     * a seat they could not take at the previous decision: open seats of unchanged slots look only at them.
     */
    private final Set<PersonState> dirtyPeople = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * What each slot asked for when last seen. A slot whose change leaves who may take its seats as it was
     * (a new weight or start: the project's priority or schedule) keeps its open seats' standing; one whose
     * pins changed frees the people unpinned to give up that seat for another pin.
     */
    private final Map<SlotState, SlotDemand> demandSeen = new IdentityHashMap<>();

    GreedySolver(PoolModel model) {
        this.model = model;
        dirtySlots.addAll(model.slots());
        dirtySlots.forEach(slot -> demandSeen.put(slot, slot.demand));
    }

    @Override
    public void personChanged(PersonState person) {
        dirtyPersonas.addAll(person.profile.personas());
        dirtyPeople.add(person);
    }

    @Override
    public void slotChanged(SlotState slot) {
        SlotDemand before = demandSeen.put(slot, slot.demand);
        if (before == null || !sameSeatsForTheSamePeople(before, slot.demand)) {
            dirtySlots.add(slot);
        }
        if (before != null && !before.pinned().equals(slot.demand.pinned())) {
            before.pinned().forEach(this::personDirty);
        }
    }

    /**
     * The same people may take the same seats, or fewer: requirements, exclusions, allocation and pins as they
     * were, no seat added. (Seats taken away released their holders, which marks the slot on its own.)
     */
    private static boolean sameSeatsForTheSamePeople(SlotDemand before, SlotDemand now) {
        return before.sameRequirements(now) && before.allocation() == now.allocation()
                && before.pinned().equals(now.pinned()) && now.seats() <= before.seats();
    }

    @Override
    public void slotRemoved(SlotState slot) {
        dirtySlots.remove(slot);
        SlotDemand before = demandSeen.remove(slot);
        if (before != null) {
            before.pinned().forEach(this::personDirty);
        }
    }

    @Override
    public void released(PersonState person, SlotState slot) {
        dirtyPersonas.addAll(person.profile.personas());
        dirtyPeople.add(person);
        dirtySlots.add(slot);
    }

    private void personDirty(String id) {
        PersonState person = model.people.get(id);
        if (person != null) {
            dirtyPeople.add(person);
        }
    }

    @Override
    public HeldBack decide(ChangeLog log) {
        honourPins(log);
        Set<SlotState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SeatRef> open = new ArrayList<>();
        for (SlotState slot : dirtySlots) {
            addOpenSeats(slot, seen, open);
        }
        for (String persona : dirtyPersonas) {
            for (SlotState slot : model.slotsFor(persona)) {
                addOpenSeats(slot, seen, open);
            }
        }
        open.sort(FILL_ORDER);
        Map<String, List<PersonState>> touchedByPersona = new HashMap<>();
        for (PersonState person : dirtyPeople) {
            if (model.people.get(person.id) == person) {
                person.profile.personas().forEach(persona -> touchedByPersona
                        .computeIfAbsent(persona, key -> new ArrayList<>()).add(person));
            }
        }
        Set<SlotState> exhausted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SeatRef seat : open) {
            SlotState slot = seat.slot();
            if (exhausted.contains(slot)) {
                continue;
            }
            PersonState best = dirtySlots.contains(slot)
                    ? bestCandidate(slot, model.peopleWith(slot.demand.persona()), true)
                    : bestCandidate(slot, touchedByPersona.getOrDefault(slot.demand.persona(), List.of()), false);
            if (best == null) {
                // Seats only take capacity from here on: the slot's other open seats find no one either.
                exhausted.add(slot);
                continue;
            }
            model.occupy(best, slot, seat.seat(), model.nextOrder);
            Holding holding = slot.holding(seat.seat());
            log.assigned(AssignmentChange.assigned(holding, "employee " + best.id + " fills open seat "
                    + holding.seat() + " (" + holding.persona() + ")"));
        }
        dirtySlots.clear();
        dirtyPersonas.clear();
        dirtyPeople.clear();
        return HeldBack.NONE;
    }

    /** The open seats of a slot still in the pool, once: most slots are full, which is looked at first. */
    private static void addOpenSeats(SlotState slot, Set<SlotState> seen, List<SeatRef> open) {
        if (firstOpenSeat(slot) == 0 || !seen.add(slot) || slot.project.slots.get(slot.slotId) != slot) {
            return;
        }
        for (int seat = 1; seat <= slot.seats(); seat++) {
            if (slot.holders[seat - 1] == null) {
                open.add(new SeatRef(slot, seat));
            }
        }
    }

    /** Seats the pinned people of the slots and people a change touched, where they are not seated yet. */
    private void honourPins(ChangeLog log) {
        List<PinRef> pins = new ArrayList<>();
        Set<SlotState> pinning = Collections.newSetFromMap(new IdentityHashMap<>());
        pinning.addAll(dirtySlots);
        dirtyPeople.forEach(person -> pinning.addAll(model.pinsOf(person.id)));
        for (SlotState slot : pinning) {
            if (slot.project.slots.get(slot.slotId) != slot) {
                continue;
            }
            for (String id : slot.demand.pinned()) {
                PersonState person = model.people.get(id);
                if (person != null && model.unmetPin(person, slot)) {
                    pins.add(new PinRef(slot, person));
                }
            }
        }
        pins.sort(Comparator.comparing(PinRef::slot, Comparator.comparingLong(SlotState::weight).reversed()
                .thenComparing(slot -> slot.project.demand.start()).thenComparing(Comparator.naturalOrder()))
                .thenComparing(pin -> pin.person().id));
        for (PinRef pin : pins) {
            if (model.unmetPin(pin.person(), pin.slot())) {
                seatPinned(pin.person(), pin.slot(), log);
            }
        }
    }

    private void seatPinned(PersonState person, SlotState slot, ChangeLog log) {
        int allocation = slot.demand.allocation();
        List<SlotState> givable = person.held.stream().filter(held -> !held.demand.pins(person.id))
                .sorted(Comparator.comparingLong(SlotState::weight)
                        .thenComparing(Comparator.comparingLong(
                                (SlotState held) -> held.orders[held.seatOf(person.id) - 1]).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        int givableCapacity = givable.stream().mapToInt(held -> held.demand.allocation()).sum();
        int seat = firstOpenSeat(slot);
        int displaced = seat > 0 ? 0 : latestUnpinnedSeat(slot);
        if (person.remaining() + givableCapacity < allocation || (seat == 0 && displaced == 0)) {
            return;
        }
        for (SlotState held : givable) {
            if (person.remaining() >= allocation) {
                break;
            }
            Holding left = model.vacate(person, held);
            log.released(AssignmentChange.released(left, ChangeReason.REBALANCED, "employee " + person.id
                    + " released from " + left.seat() + ": pinned to " + slot.project.id + "/" + slot.slotId
                    + " by a staffing manager"));
            dirtySlots.add(held);
            dirtyPersonas.addAll(person.profile.personas());
            dirtyPeople.add(person);
        }
        if (seat == 0) {
            PersonState holder = model.people.get(slot.holders[displaced - 1]);
            Holding left = model.vacate(holder, slot);
            log.released(AssignmentChange.released(left, ChangeReason.REBALANCED, "employee " + holder.id
                    + " released from " + left.seat() + ": employee " + person.id + " is pinned to the slot by a "
                    + "staffing manager"));
            dirtyPersonas.addAll(holder.profile.personas());
            dirtyPeople.add(holder);
            seat = displaced;
        }
        model.occupy(person, slot, seat, model.nextOrder);
        Holding holding = slot.holding(seat);
        log.assigned(AssignmentChange.assigned(holding, "employee " + person.id + " takes seat " + holding.seat()
                + " (" + holding.persona() + "), pinned by a staffing manager"));
    }

    private static int firstOpenSeat(SlotState slot) {
        for (int seat = 1; seat <= slot.seats(); seat++) {
            if (slot.holders[seat - 1] == null) {
                return seat;
            }
        }
        return 0;
    }

    /** The seat of the slot's most recently assigned holder who is not pinned to it, or 0. */
    private static int latestUnpinnedSeat(SlotState slot) {
        int latest = 0;
        for (int seat = 1; seat <= slot.seats(); seat++) {
            String holder = slot.holders[seat - 1];
            if (holder != null && !slot.demand.pins(holder)
                    && (latest == 0 || slot.orders[seat - 1] > slot.orders[latest - 1])) {
                latest = seat;
            }
        }
        return latest;
    }

    private record PinRef(SlotState slot, PersonState person) {
    }

    /**
     * Of {@code people}, all of the pool and of the slot's persona, the one who fits an open seat of the slot
     * with the most room left, the lowest id first among equals. People given in id order are looked at only
     * until one with all of a full-time FTE left: no one after them can better that.
     */
    private PersonState bestCandidate(SlotState slot, Collection<PersonState> people, boolean inIdOrder) {
        PersonState best = null;
        for (PersonState person : people) {
            if (inIdOrder && best != null && best.remaining() == FULL_TIME) {
                break;
            }
            if (person.remaining() < slot.demand.allocation() || !person.eligibleAsHolderOfPersona(slot)
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
