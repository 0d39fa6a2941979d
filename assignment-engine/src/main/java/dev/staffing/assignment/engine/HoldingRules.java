package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a change of a person or a project to the model and ends the holdings it makes impossible,
 * each with its reason: the person departed, went on leave or no longer qualifies; a capacity drop
 * leaves them over their FTE (their lowest-weight, most recent seats go first); a slot shrank (its most
 * recently assigned leave first, the others keep or take the lowest seats) or went; a project closed; a
 * staffing manager excluded them from the project. Seats their holders are pinned to go last.
 */
final class HoldingRules {

    private final PoolModel model;
    private final ChangeLog log;
    private Solver solver;

    HoldingRules(PoolModel model, ChangeLog log) {
        this.model = model;
        this.log = log;
    }

    void useSolver(Solver current) {
        solver = current;
    }

    // ---- people ------------------------------------------------------------------------------------

    void putPerson(Candidate profile) {
        PersonState person = model.people.get(profile.id());
        if (person == null) {
            person = new PersonState(profile, model.skillBits);
            person.availability = profile.availabilityOn(model.today);
            model.people.put(person.id, person);
            model.indexPerson(person);
            model.count(person, 1);
            solver.personChanged(person);
            return;
        }
        Availability availability = profile.availabilityOn(model.today);
        if (person.profile.sameEligibility(profile) && person.availability == availability) {
            // The same slots admit them and they count alike: the indexes, counts and skill mask stand.
            person.profile = profile;
        } else {
            model.count(person, -1);
            model.unindexPerson(person);
            person.setProfile(profile, model.skillBits);
            person.availability = availability;
            model.indexPerson(person);
            model.count(person, 1);
        }
        reviewHoldings(person);
        solver.personChanged(person);
        person.held.forEach(model.gaps::markDirty);
    }

    /** The person left the pool (moved to another one): their seats are released and they are forgotten. */
    void removePerson(String personId) {
        PersonState person = model.people.get(personId);
        if (person == null) {
            return;
        }
        List<SlotState> held = new ArrayList<>(person.held);
        held.sort(Comparator.naturalOrder());
        for (SlotState slot : held) {
            release(person, slot, ChangeReason.NO_LONGER_ELIGIBLE, "employee " + personId
                    + " released: moved out of the pool");
        }
        model.count(person, -1);
        model.unindexPerson(person);
        person.availability = Availability.DEPARTED;
        solver.personChanged(person);
        model.people.remove(personId);
    }

    /** Today moved on: a leave or departure may have begun or a leave ended. */
    void reviewAvailability(PersonState person) {
        Availability now = person.profile.availabilityOn(model.today);
        if (now != person.availability) {
            model.count(person, -1);
            person.availability = now;
            model.count(person, 1);
            reviewHoldings(person);
            solver.personChanged(person);
        }
        person.held.forEach(model.gaps::markDirty);
    }

    /** Ends the holdings the person can no longer keep: departed, on leave, no longer qualified, over capacity. */
    void reviewHoldings(PersonState person) {
        String who = "employee " + person.id;
        List<SlotState> held = new ArrayList<>(person.held);
        held.sort(Comparator.naturalOrder());
        for (SlotState slot : held) {
            String note = person.availabilityNote(model.today);
            if (person.availability == Availability.DEPARTED) {
                release(person, slot, ChangeReason.PERSON_DEPARTED, who + " released: " + note,
                        GapCause.HOLDER_DEPARTED, "holder " + person.id + " departed: " + note);
            } else if (person.availability == Availability.ON_LEAVE) {
                release(person, slot, ChangeReason.PERSON_ON_LEAVE, who + " released: " + note,
                        GapCause.HOLDER_ON_LEAVE, "holder " + person.id + " is on leave: " + note);
            } else if (!slot.demand.admits(person.profile)) {
                releaseIneligible(person, slot);
            }
        }
        fitCapacity(person);
    }

    /** Where a person's seats exceed their FTE, the lowest-weight, most recent seats go first. */
    private void fitCapacity(PersonState person) {
        while (person.used > person.profile.capacity()) {
            // Seats the person is pinned to go last: a staffing manager asked for them.
            SlotState lightest = person.held.stream()
                    .min(Comparator.comparing((SlotState slot) -> slot.demand.pins(person.id))
                            .thenComparingLong(SlotState::weight)
                            .thenComparing(Comparator.comparingLong(
                                    (SlotState slot) -> slot.orders[slot.seatOf(person.id) - 1]).reversed())
                            .thenComparing(Comparator.naturalOrder()))
                    .orElseThrow();
            release(person, lightest, ChangeReason.CAPACITY_REDUCED, "employee " + person.id + " released: capacity "
                    + person.profile.capacity() + "/100 FTE no longer covers " + seatOf(person, lightest));
        }
    }

    // ---- projects ----------------------------------------------------------------------------------

    void putProject(ProjectDemand demand) {
        ProjectState project = model.projects.get(demand.id());
        if (project == null) {
            if (demand.isOver(model.today)) {
                return;
            }
            project = new ProjectState(demand);
            model.projects.put(project.id, project);
            for (SlotDemand slot : demand.slots()) {
                addSlot(project, slot);
            }
            return;
        }
        project.demand = demand;
        if (demand.isOver(model.today)) {
            closeProject(project.id);
            return;
        }
        List<String> wanted = demand.slots().stream().map(SlotDemand::slotId).toList();
        for (SlotState slot : new ArrayList<>(project.slots.values())) {
            if (!wanted.contains(slot.slotId)) {
                removeSlot(slot, ChangeReason.SLOT_REMOVED, GapChange.Resolution.SLOT_REMOVED);
            }
        }
        // Holders whose seats now take more time are fitted to their capacity once every slot has changed,
        // so that what they give up does not depend on the order of the slots.
        Set<PersonState> toFit = new TreeSet<>(Comparator.comparing((PersonState person) -> person.id));
        for (SlotDemand slot : demand.slots()) {
            SlotState existing = project.slots.get(slot.slotId());
            if (existing == null) {
                addSlot(project, slot);
            } else {
                updateSlot(existing, slot, toFit);
            }
            model.gaps.markDirty(project.slots.get(slot.slotId()));
        }
        toFit.forEach(this::fitCapacity);
    }

    void closeProject(String projectId) {
        ProjectState project = model.projects.remove(projectId);
        if (project == null) {
            return;
        }
        for (SlotState slot : new ArrayList<>(project.slots.values())) {
            removeSlot(slot, ChangeReason.PROJECT_CLOSED, GapChange.Resolution.PROJECT_CLOSED);
        }
    }

    private void addSlot(ProjectState project, SlotDemand demand) {
        SlotState slot = new SlotState(project, demand, model.skillBits);
        project.slots.put(slot.slotId, slot);
        model.indexSlot(slot);
        model.indexPins(slot);
        solver.slotChanged(slot);
    }

    private void removeSlot(SlotState slot, ChangeReason reason, GapChange.Resolution resolution) {
        for (int seat = 1; seat <= slot.seats(); seat++) {
            String holder = slot.holders[seat - 1];
            if (holder != null) {
                String why = reason == ChangeReason.PROJECT_CLOSED
                        ? "project " + slot.project.id + " closed or ended"
                        : "seat " + slot.seatKey(seat) + " no longer exists";
                release(model.people.get(holder), slot, reason, "employee " + holder + " released: " + why);
            }
        }
        model.gaps.seatsRemoved(slot, 1, resolution);
        solver.slotRemoved(slot);
        model.unindexSlot(slot);
        model.unindexPins(slot);
        slot.project.slots.remove(slot.slotId);
    }

    private void updateSlot(SlotState slot, SlotDemand demand, Set<PersonState> toFit) {
        SlotDemand before = slot.demand;
        model.unindexPins(slot);
        if (!before.sameRequirements(demand) || before.allocation() != demand.allocation()) {
            model.unindexSlot(slot);
            slot.setDemand(demand, model.skillBits);
            model.indexSlot(slot);
        } else {
            slot.setDemand(demand, model.skillBits);
        }
        model.indexPins(slot);
        boolean reallocated = before.allocation() != demand.allocation();
        if (reallocated) {
            // Holders take the new allocation from now on, so that a release below gives back what they take.
            for (String holder : holdersOf(slot)) {
                model.people.get(holder).used += demand.allocation() - before.allocation();
            }
        }
        if (!before.sameRequirements(demand)) {
            for (String holder : holdersOf(slot)) {
                PersonState person = model.people.get(holder);
                if (!person.eligibleFor(slot)) {
                    releaseIneligible(person, slot);
                }
            }
        }
        if (demand.seats() < slot.seats()) {
            shrink(slot, demand.seats());
        } else if (demand.seats() > slot.seats()) {
            slot.resize(demand.seats());
        }
        if (reallocated) {
            for (String holder : holdersOf(slot)) {
                toFit.add(model.people.get(holder));
                log.reallocated(slot.holding(slot.seatOf(holder)));
                if (demand.allocation() < before.allocation()) {
                    // Capacity freed here may fill seats elsewhere.
                    solver.personChanged(model.people.get(holder));
                }
            }
        }
        solver.slotChanged(slot);
    }

    /**
     * A rebuilt slot whose stored holdings reach beyond its {@code size} seats: its holders no longer
     * eligible leave, then it shrinks, as the change that shrank it would have had it.
     */
    void shrinkStored(SlotState slot, int size) {
        for (String holder : holdersOf(slot)) {
            PersonState person = model.people.get(holder);
            if (!person.eligibleFor(slot)) {
                releaseIneligible(person, slot);
            }
        }
        shrink(slot, size);
        solver.slotChanged(slot);
    }

    /**
     * The slot shrinks to {@code size} seats: the most recently assigned leave first; the earliest keep
     * their seat or take the lowest free one (SEAT_RENUMBERED, keeping when they were first assigned).
     */
    private void shrink(SlotState slot, int size) {
        List<Integer> byOrder = new ArrayList<>();
        for (int seat = 1; seat <= slot.seats(); seat++) {
            if (slot.holders[seat - 1] != null) {
                byOrder.add(seat);
            }
        }
        byOrder.sort(Comparator.comparing((Integer seat) -> !slot.demand.pins(slot.holders[seat - 1]))
                .thenComparingLong(seat -> slot.orders[seat - 1]).thenComparing(seat -> seat));
        for (int leaver : byOrder.subList(Math.min(size, byOrder.size()), byOrder.size())) {
            String holder = slot.holders[leaver - 1];
            release(model.people.get(holder), slot, ChangeReason.SLOT_REMOVED, "employee " + holder
                    + " released: the slot shrank to " + size + " seats and the most recently assigned leave first");
        }
        int free = 1;
        for (int seat = size + 1; seat <= slot.seats(); seat++) {
            String holder = slot.holders[seat - 1];
            if (holder == null) {
                continue;
            }
            while (slot.holders[free - 1] != null) {
                free++;
            }
            Holding from = slot.holding(seat);
            Holding to = new Holding(slot.seatKey(free), holder, from.persona(), from.allocation(), from.order());
            String detail = "employee " + holder + " moves from " + from.seat() + " to " + to.seat()
                    + ": the slot shrank to " + size + " seats";
            slot.holders[free - 1] = holder;
            slot.orders[free - 1] = from.order();
            slot.holders[seat - 1] = null;
            log.released(AssignmentChange.released(from, ChangeReason.SEAT_RENUMBERED, detail));
            log.assigned(AssignmentChange.renumbered(to, detail));
        }
        model.gaps.seatsRemoved(slot, size + 1, GapChange.Resolution.SLOT_REMOVED);
        slot.resize(size);
    }

    /** The holder no longer qualifies for the slot, or a staffing manager excluded them from its project. */
    private void releaseIneligible(PersonState person, SlotState slot) {
        String why = slot.demand.excluded().contains(person.id)
                ? "excluded from project " + slot.project.id + " by a staffing manager"
                : "no longer holds persona, skills or seniority for " + seatOf(person, slot);
        release(person, slot, ChangeReason.NO_LONGER_ELIGIBLE, "employee " + person.id + " released: " + why);
    }

    private void release(PersonState person, SlotState slot, ChangeReason reason, String detail) {
        release(person, slot, reason, detail, null, null);
    }

    /** Ends a holding by rule; a departure or leave stays the cause of the seat's gap while it stays empty. */
    private void release(PersonState person, SlotState slot, ChangeReason reason, String detail, GapCause freedBy,
            String gapDetail) {
        solver.released(person, slot);
        Holding holding = model.vacate(person, slot);
        log.released(AssignmentChange.released(holding, reason, detail));
        if (freedBy != null) {
            model.gaps.freedByHolder(new Gap(holding.seat(), holding.persona(), freedBy, gapDetail,
                    slot.effectiveDate(model.today)));
        }
    }

    private static List<String> holdersOf(SlotState slot) {
        List<String> holders = new ArrayList<>();
        for (String holder : slot.holders) {
            if (holder != null) {
                holders.add(holder);
            }
        }
        return holders;
    }

    private static SeatKey seatOf(PersonState person, SlotState slot) {
        return slot.seatKey(slot.seatOf(person.id));
    }
}
