package dev.staffing.assignment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Says why a seat is empty, in words that name ids only: no one holds the persona; people hold it but
 * lack skills or seniority (which); everyone eligible is at capacity (and where). With it, the people
 * of the persona who come nearest to filling it, what stops each (departed, on leave, lacks a skill,
 * not senior enough, at capacity and where), and the smallest change that would fill it. People a staffing
 * manager excluded from the project are never offered; where only they qualify, the detail says so.
 */
final class GapExplainer {

    private static final int LISTED_AT_CAPACITY = 5;
    private static final int LISTED_CANDIDATES = 3;

    private final PoolModel model;

    GapExplainer(PoolModel model) {
        this.model = model;
    }

    /** The gap with its detail (unless the cause fixed it), nearest candidates and smallest change. */
    Gap explain(SlotState slot, int seat, Gap gap) {
        String detail = gap.detail().isEmpty() ? detail(slot, gap.cause()) : gap.detail();
        String holder = slot.holders[seat - 1];
        List<Blocked> blocked = model.peopleWith(slot.demand.persona()).stream()
                .filter(person -> !person.id.equals(holder))
                .filter(person -> !slot.demand.excluded().contains(person.id))
                .map(person -> Blocked.of(person, slot))
                .sorted(Comparator.comparingInt(Blocked::count)
                        .thenComparingInt(Blocked::rank)
                        .thenComparing(b -> b.person().id))
                .toList();
        List<String> nearest = blocked.stream().limit(LISTED_CANDIDATES)
                .map(b -> b.person().id + ": " + String.join("; ", blockers(b, slot)))
                .toList();
        return new Gap(gap.seat(), gap.persona(), gap.cause(), detail, gap.effectiveDate(), nearest,
                suggestion(slot, blocked));
    }

    private String detail(SlotState slot, GapCause cause) {
        String persona = slot.demand.persona();
        List<PersonState> holders = model.peopleWith(persona).stream().filter(PersonState::isActive).toList();
        return switch (cause) {
            case NO_PERSONA_HOLDER -> "no active person in the pool holds persona " + persona + inactive(persona);
            case LACKS_SKILLS_OR_SENIORITY -> holders.size() + " active "
                    + plural(holders.size(), "person holds", "people hold") + " persona " + persona
                    + " but none qualifies: " + shortfalls(slot, holders);
            default -> atCapacity(slot, holders);
        };
    }

    private String atCapacity(SlotState slot, List<PersonState> holders) {
        List<PersonState> admitted = holders.stream().filter(person -> slot.demand.admits(person.profile))
                .sorted(Comparator.comparing(person -> person.id)).toList();
        String where = admitted.stream().limit(LISTED_AT_CAPACITY)
                .map(person -> person.id + " " + describeLoad(person))
                .collect(Collectors.joining(", "));
        return "all " + admitted.size() + " eligible " + plural(admitted.size(), "person is", "people are")
                + " at capacity: " + where + (admitted.size() > LISTED_AT_CAPACITY ? ", ..." : "");
    }

    private String describeLoad(PersonState person) {
        if (person.held.isEmpty()) {
            return "(capacity " + person.profile.capacity() + "/100 FTE, " + person.remaining() + " left)";
        }
        return "(on " + heldSeats(person).stream().map(SeatKey::asString).collect(Collectors.joining(", ")) + ")";
    }

    private String inactive(String persona) {
        long onLeave = model.peopleWith(persona).stream()
                .filter(person -> person.availability == Availability.ON_LEAVE).count();
        long departed = model.peopleWith(persona).stream()
                .filter(person -> person.availability == Availability.DEPARTED).count();
        return onLeave == 0 && departed == 0 ? "" : " (" + onLeave + " on leave, " + departed + " departed)";
    }

    private static String shortfalls(SlotState slot, List<PersonState> holders) {
        Map<String, Integer> missingSkillCounts = new TreeMap<>();
        int belowSeniority = 0;
        int excluded = 0;
        for (PersonState person : holders) {
            if (slot.demand.excluded().contains(person.id)) {
                excluded++;
                continue;
            }
            missingSkills(person, slot).forEach(skill -> missingSkillCounts.merge(skill, 1, Integer::sum));
            if (person.profile.seniority() < slot.demand.minSeniority()) {
                belowSeniority++;
            }
        }
        Set<String> parts = new TreeSet<>();
        missingSkillCounts.forEach((skill, count) -> parts.add("missing skill " + skill + " (" + count + ")"));
        if (belowSeniority > 0) {
            parts.add("below the minimum seniority (" + belowSeniority + ")");
        }
        if (excluded > 0) {
            parts.add("excluded from the project (" + excluded + ")");
        }
        return String.join(", ", parts);
    }

    /** What stops a person, in words; only the few listed are put in words. */
    private List<String> blockers(Blocked blocked, SlotState slot) {
        PersonState person = blocked.person();
        List<String> blockers = new ArrayList<>(blocked.count());
        if (!person.isActive()) {
            blockers.add(person.availabilityNote(model.today));
        }
        blocked.missingSkills().forEach(skill -> blockers.add("lacks skill " + skill));
        if (blocked.belowSeniority()) {
            blockers.add("below the minimum seniority");
        }
        if (blocked.seatInSlot() > 0) {
            blockers.add("already on " + slot.seatKey(blocked.seatInSlot()) + " of this slot");
        }
        if (blocked.shortOfCapacity()) {
            blockers.add(person.held.isEmpty()
                    ? "capacity " + person.profile.capacity() + "/100 FTE, below the seat's " + slot.demand.allocation()
                    : "at capacity on " + heldSeats(person).stream().map(SeatKey::asString)
                            .collect(Collectors.joining(", ")));
        }
        return blockers;
    }

    private String suggestion(SlotState slot, List<Blocked> blocked) {
        SlotState bestFrom = null;
        PersonState bestWho = null;
        boolean onlyCapacityStops = false;
        for (Blocked candidate : blocked) {
            if (!candidate.onlyAtCapacityElsewhere()) {
                continue;
            }
            onlyCapacityStops = true;
            PersonState person = candidate.person();
            for (SlotState from : sorted(person.held)) {
                if (from.weight() < slot.weight()
                        && person.remaining() + from.demand.allocation() >= slot.demand.allocation()
                        && (bestFrom == null || from.weight() < bestFrom.weight())) {
                    bestFrom = from;
                    bestWho = person;
                }
            }
        }
        if (bestFrom != null) {
            SeatKey from = bestFrom.seatKey(bestFrom.seatOf(bestWho.id));
            return "move " + bestWho.id + " from " + from + " (weight " + bestFrom.weight() + ") to this seat (weight "
                    + slot.weight() + "); " + from + " opens instead";
        }
        for (Blocked candidate : blocked) {
            Set<String> missing = candidate.missingSkills();
            if (candidate.person().isActive() && !missing.isEmpty() && candidate.count() == missing.size()) {
                return "add skill " + String.join(", ", missing) + " to " + candidate.person().id;
            }
        }
        for (Blocked candidate : blocked) {
            if (candidate.person().availability == Availability.ON_LEAVE && candidate.count() == 1) {
                return candidate.person().id + " can take it after their leave ("
                        + candidate.person().availabilityNote(model.today) + ")";
            }
        }
        if (blocked.isEmpty()) {
            return "hire or reskill someone as " + slot.demand.persona();
        }
        return onlyCapacityStops ? "no move fills it without emptying a seat of equal or higher weight" : "";
    }

    private static Set<String> missingSkills(PersonState person, SlotState slot) {
        Set<String> required = slot.demand.requiredSkills();
        if (person.profile.skills().containsAll(required)) {
            return Set.of();
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(person.profile.skills());
        return missing;
    }

    private static List<SeatKey> heldSeats(PersonState person) {
        return sorted(person.held).stream().map(slot -> slot.seatKey(slot.seatOf(person.id))).toList();
    }

    private static List<SlotState> sorted(List<SlotState> slots) {
        List<SlotState> copy = new ArrayList<>(slots);
        copy.sort(Comparator.naturalOrder());
        return copy;
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }

    /**
     * A person of the persona and what stops them, in the order {@link #blockers} words them: not active,
     * each missing skill, below the minimum seniority, already on a seat of the slot, short of capacity.
     * Capacity alone is the easiest to change.
     */
    private record Blocked(PersonState person, Set<String> missingSkills, boolean belowSeniority, int seatInSlot,
            boolean shortOfCapacity) {

        static Blocked of(PersonState person, SlotState slot) {
            return new Blocked(person, GapExplainer.missingSkills(person, slot),
                    person.profile.seniority() < slot.demand.minSeniority(), slot.seatOf(person.id),
                    person.remaining() < slot.demand.allocation());
        }

        int count() {
            return (person.isActive() ? 0 : 1) + missingSkills.size() + (belowSeniority ? 1 : 0)
                    + (seatInSlot > 0 ? 1 : 0) + (shortOfCapacity ? 1 : 0);
        }

        /** Held back only by seats they hold elsewhere, which a move could free. */
        boolean onlyAtCapacityElsewhere() {
            return count() == 1 && shortOfCapacity && !person.held.isEmpty();
        }

        /** By the first blocker: at capacity elsewhere, a missing skill, seniority, anything else. */
        int rank() {
            if (count() == 0) {
                return 0;
            }
            if (!person.isActive()) {
                return 4;
            }
            if (!missingSkills.isEmpty()) {
                return 2;
            }
            if (belowSeniority) {
                return 3;
            }
            return seatInSlot == 0 && !person.held.isEmpty() ? 1 : 4;
        }
    }
}
