package dev.staffing.assignment.staffing;

import dev.staffing.assignment.engine.Absence;
import dev.staffing.assignment.engine.Availability;
import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.Gap;
import dev.staffing.assignment.engine.GapCause;
import dev.staffing.assignment.engine.Holding;
import dev.staffing.assignment.engine.PoolState;
import dev.staffing.assignment.engine.SeatDemand;
import dev.staffing.assignment.engine.SeatKey;
import dev.staffing.assignment.alerts.OpenGap;
import dev.staffing.assignment.people.Person;
import dev.staffing.assignment.personas.PersonaCatalog;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectSlot;
import dev.staffing.events.Seniority;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the stored state of one pool into the engine's input. */
final class PoolStateReader {

    private PoolStateReader() {
    }

    static PoolState read(LocalDate today, LocalDate horizonEnd, int churnBudget, List<Person> people,
            List<Project> projects, List<Assignment> assignments, List<OpenGap> openGaps, PersonaCatalog catalog) {
        List<Candidate> candidates = people.stream().map(person -> candidate(person, today)).toList();
        List<SeatDemand> seats = new ArrayList<>();
        for (Project project : projects) {
            if (project.isOver(today)) {
                continue;
            }
            for (ProjectSlot slot : project.slots()) {
                long weight = (long) project.priority() * catalog.criticalityOf(slot.persona()).weightFactor();
                for (int seat = 1; seat <= slot.seats(); seat++) {
                    seats.add(new SeatDemand(new SeatKey(project.id(), slot.slotId(), seat), slot.persona(),
                            slot.requiredSkillSet().values(), seniorityRank(slot.minSeniority()), slot.allocation(),
                            weight, project.startDate()));
                }
            }
        }
        List<Holding> holdings = assignments.stream()
                .map(a -> new Holding(new SeatKey(a.projectId(), a.slotId(), a.seat()), a.personId(), a.persona(), a.allocation(),
                        a.assignedAt().toEpochMilli()))
                .toList();
        Set<String> closed = projects.stream().filter(project -> project.isOver(today)).map(Project::id)
                .collect(Collectors.toSet());
        Map<SeatKey, Gap> previousGaps = new HashMap<>();
        for (OpenGap gap : openGaps) {
            SeatKey key = new SeatKey(gap.projectId(), gap.slotId(), gap.seat());
            previousGaps.put(key, new Gap(key, gap.persona(), GapCause.valueOf(gap.reason()), gap.detail(),
                    gap.effectiveDate()));
        }
        Map<String, Absence> upcoming = new HashMap<>();
        people.forEach(person -> upcomingAbsence(person, today).ifPresent(absence -> upcoming.put(person.id(), absence)));
        return new PoolState(today, candidates, seats, holdings, closed, previousGaps, upcoming, horizonEnd,
                churnBudget);
    }

    /** The first departure or leave of a person that starts after today. */
    static Optional<Absence> upcomingAbsence(Person person, LocalDate today) {
        Absence departure = person.departureDate() != null && person.departureDate().isAfter(today)
                ? new Absence(Availability.DEPARTED, person.departureDate(), "effective " + person.departureDate())
                : null;
        Absence leave = person.leaveFrom() != null && person.leaveFrom().isAfter(today)
                ? new Absence(Availability.ON_LEAVE, person.leaveFrom(), person.leaveFrom() + " to " + person.leaveTo())
                : null;
        if (departure == null || (leave != null && leave.from().isBefore(departure.from()))) {
            return Optional.ofNullable(leave);
        }
        return Optional.of(departure);
    }

    static Candidate candidate(Person person, LocalDate today) {
        Availability availability = Availability.ACTIVE;
        String note = "";
        if (person.departureDate() != null && !person.departureDate().isAfter(today)) {
            availability = Availability.DEPARTED;
            note = "departed effective " + person.departureDate();
        } else if (person.leaveFrom() != null && !person.leaveFrom().isAfter(today)
                && !person.leaveTo().isBefore(today)) {
            availability = Availability.ON_LEAVE;
            note = "on leave " + person.leaveFrom() + " to " + person.leaveTo();
        }
        return new Candidate(person.id(), person.personaSet().values(), person.skillSet().values(),
                seniorityRank(person.seniority()), person.capacity(), availability, note);
    }

    static int seniorityRank(String seniority) {
        return seniority == null ? 0 : Seniority.valueOf(seniority).ordinal();
    }
}
