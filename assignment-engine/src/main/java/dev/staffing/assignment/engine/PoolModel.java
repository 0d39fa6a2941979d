package dev.staffing.assignment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of one pool between decisions, with the indexes a decision needs (people and slots by
 * persona, how many active people each slot admits, the allocations in use) and the two operations
 * every change of holdings goes through, {@link #occupy} and {@link #vacate}.
 */
final class PoolModel {

    private static final Comparator<PersonState> BY_ID = Comparator.comparing(person -> person.id);

    final EngineSettings settings;
    LocalDate today;
    LocalDate horizonEnd;
    final Map<String, PersonState> people = new HashMap<>();
    final Map<String, ProjectState> projects = new HashMap<>();
    /** The people of each persona in id order: the greedy fill's search stops at the first who cannot be bettered. */
    private final Map<String, Set<PersonState>> peopleByPersona = new HashMap<>();
    private final Map<String, Set<SlotState>> slotsByPersona = new HashMap<>();
    private final Map<String, Integer> activeByPersona = new HashMap<>();
    /** Person id to the slots that pin them: a few per person at most. */
    private final Map<String, Set<SlotState>> pinsByPerson = new HashMap<>();
    /** Seat allocation to the number of slots asking for it. */
    private final TreeMap<Integer, Integer> allocations = new TreeMap<>();
    long nextOrder = 1;
    final GapBook gaps;
    final SkillBits skillBits = new SkillBits();

    PoolModel(EngineSettings settings, LocalDate today) {
        this.settings = settings;
        this.gaps = new GapBook(this);
        setToday(today);
    }

    void setToday(LocalDate day) {
        today = day;
        horizonEnd = settings.horizonEnd(day);
    }

    // ---- indexes -----------------------------------------------------------------------------------

    /** The people who hold the persona, in id order. */
    Collection<PersonState> peopleWith(String persona) {
        return peopleByPersona.getOrDefault(persona, Set.of());
    }

    Collection<SlotState> slotsFor(String persona) {
        return slotsByPersona.getOrDefault(persona, Set.of());
    }

    int activeWith(String persona) {
        return activeByPersona.getOrDefault(persona, 0);
    }

    /** The one allocation every slot asks for, or 0 when slots ask for different ones (or there are none). */
    int uniformAllocation() {
        return allocations.size() == 1 ? allocations.firstKey() : 0;
    }

    List<SlotState> slots() {
        List<SlotState> all = new ArrayList<>();
        projects.values().forEach(project -> all.addAll(project.slots.values()));
        return all;
    }

    void indexPerson(PersonState person) {
        person.profile.personas().forEach(persona -> peopleByPersona
                .computeIfAbsent(persona, key -> new TreeSet<>(BY_ID)).add(person));
    }

    void unindexPerson(PersonState person) {
        person.profile.personas().forEach(persona -> {
            Set<PersonState> with = peopleByPersona.get(persona);
            with.remove(person);
            if (with.isEmpty()) {
                peopleByPersona.remove(persona);
            }
        });
    }

    void indexSlot(SlotState slot) {
        slotsByPersona.computeIfAbsent(slot.demand.persona(), key -> new LinkedHashSet<>()).add(slot);
        allocations.merge(slot.demand.allocation(), 1, Integer::sum);
        slot.admittedActive = 0;
        for (PersonState person : peopleWith(slot.demand.persona())) {
            if (person.eligibleAsHolderOfPersona(slot)) {
                slot.admittedActive++;
            }
        }
        gaps.markDirty(slot);
    }

    void unindexSlot(SlotState slot) {
        Set<SlotState> with = slotsByPersona.get(slot.demand.persona());
        with.remove(slot);
        if (with.isEmpty()) {
            slotsByPersona.remove(slot.demand.persona());
        }
        allocations.merge(slot.demand.allocation(), -1, Integer::sum);
        allocations.remove(slot.demand.allocation(), 0);
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) an active person from the counts behind gap causes: people
     * active per persona, and active people each slot admits. A count reaching or leaving zero can change
     * a cause, so the slots concerned are looked at again.
     */
    void count(PersonState person, int sign) {
        if (!person.isActive()) {
            return;
        }
        for (String persona : person.profile.personas()) {
            int before = activeWith(persona);
            activeByPersona.merge(persona, sign, Integer::sum);
            if (before == 0 || before + sign == 0) {
                slotsFor(persona).forEach(gaps::markDirty);
            }
            for (SlotState slot : slotsFor(persona)) {
                if (slot.admitsHolderOfPersona(person)) {
                    slot.admittedActive += sign;
                    if (slot.admittedActive == 0 || slot.admittedActive == sign) {
                        gaps.markDirty(slot);
                    }
                }
            }
        }
    }

    /** The slots that pin the person, in slot order. */
    List<SlotState> pinsOf(String personId) {
        List<SlotState> pins = new ArrayList<>(pinsByPerson.getOrDefault(personId, Set.of()));
        pins.sort(null);
        return pins;
    }

    void indexPins(SlotState slot) {
        slot.demand.pinned().forEach(person -> pinsByPerson.computeIfAbsent(person, key -> new LinkedHashSet<>())
                .add(slot));
    }

    void unindexPins(SlotState slot) {
        slot.demand.pinned().forEach(person -> {
            Set<SlotState> pins = pinsByPerson.get(person);
            if (pins != null) {
                pins.remove(slot);
                if (pins.isEmpty()) {
                    pinsByPerson.remove(person);
                }
            }
        });
    }

    /** Whether a pin on the person to the slot is not met though they could take it: eligible, not seated there. */
    boolean unmetPin(PersonState person, SlotState slot) {
        return slot.demand.pins(person.id) && slot.seatOf(person.id) == 0 && person.eligibleFor(slot);
    }

    /**
     * Whether a pin not yet met can be honoured by moving only holders who are not pinned where they sit:
     * the person is eligible and not seated in the slot, the slot has a seat no pinned holder takes, and
     * the person's capacity, less what their pinned seats take, covers the slot.
     */
    boolean honourablePin(PersonState person, SlotState slot) {
        if (!unmetPin(person, slot)) {
            return false;
        }
        int pinnedHolders = 0;
        for (String holder : slot.holders) {
            if (holder != null && slot.demand.pins(holder)) {
                pinnedHolders++;
            }
        }
        int pinnedLoad = 0;
        for (SlotState held : person.held) {
            if (held.demand.pins(person.id)) {
                pinnedLoad += held.demand.allocation();
            }
        }
        return pinnedHolders < slot.seats() && person.profile.capacity() - pinnedLoad >= slot.demand.allocation();
    }

    /**
     * Whether a pin not yet met may need this holding, not itself pinned, to end: another person's
     * honourable pin to the slot needs its seat, or the holder's own honourable pin elsewhere needs their
     * capacity. The churn budget neither counts nor holds back such moves; once the pin is met, nothing is
     * exempt any more.
     */
    boolean yieldsToPin(PersonState holder, SlotState slot) {
        if (slot.demand.pins(holder.id)) {
            return false;
        }
        for (String pinned : slot.demand.pinned()) {
            PersonState person = people.get(pinned);
            if (person != null && honourablePin(person, slot)) {
                return true;
            }
        }
        for (SlotState pinning : pinsByPerson.getOrDefault(holder.id, Set.of())) {
            if (pinning != slot && honourablePin(holder, pinning)) {
                return true;
            }
        }
        return false;
    }

    // ---- holdings ----------------------------------------------------------------------------------

    void occupy(PersonState person, SlotState slot, int seat, long order) {
        slot.holders[seat - 1] = person.id;
        slot.orders[seat - 1] = order;
        person.held.add(slot);
        person.used += slot.demand.allocation();
        nextOrder = Math.max(nextOrder, order + 1);
        gaps.markDirty(slot);
    }

    /** Empties the person's seat of the slot; returns the holding it was. */
    Holding vacate(PersonState person, SlotState slot) {
        int seat = slot.seatOf(person.id);
        if (seat == 0) {
            throw new IllegalStateException(person.id + " holds no seat of " + slot.project.id + "/" + slot.slotId);
        }
        Holding holding = slot.holding(seat);
        slot.holders[seat - 1] = null;
        person.held.remove(slot);
        person.used -= slot.demand.allocation();
        gaps.markDirty(slot);
        return holding;
    }

    /** Every holding, in seat order. */
    List<Holding> holdings() {
        Map<SeatKey, Holding> bySeat = new TreeMap<>();
        for (ProjectState project : projects.values()) {
            for (SlotState slot : project.slots.values()) {
                for (int seat = 1; seat <= slot.seats(); seat++) {
                    if (slot.holders[seat - 1] != null) {
                        bySeat.put(slot.seatKey(seat), slot.holding(seat));
                    }
                }
            }
        }
        return new ArrayList<>(bySeat.values());
    }

    SlotState slot(SeatKey seat) {
        ProjectState project = projects.get(seat.projectId());
        return project == null ? null : project.slots.get(seat.slotId());
    }
}
