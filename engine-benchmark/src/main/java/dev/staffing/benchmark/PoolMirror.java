package dev.staffing.benchmark;

import dev.staffing.assignment.engine.Availability;
import dev.staffing.assignment.engine.Candidate;
import dev.staffing.assignment.engine.PoolSnapshot;
import dev.staffing.assignment.engine.ProjectDemand;
import java.util.List;

/**
 * What the event stream knows of one pool, as the upstream HR systems would: the people who have not
 * left or handed in their notice (and which of them work part time), the open projects, and how many
 * of each the pool started with, so that each event changes something that exists and the pool keeps
 * its shape. It never looks into the engine.
 */
final class PoolMirror {

    static final int FULL_TIME = 100;

    final Roster<Candidate> people;
    final Roster<Candidate> partTime;
    final Roster<ProjectDemand> projects;
    final int startingPartTime;
    final int startingProjects;
    private final String prefix;
    private int hires;
    private int openings;

    PoolMirror(int index, PoolSnapshot snapshot) {
        this.prefix = String.format("g%03d", index);
        List<Candidate> staying = snapshot.people().stream()
                .filter(person -> person.absences().stream().noneMatch(absence -> absence.kind() == Availability.DEPARTED))
                .toList();
        this.people = new Roster<>(Candidate::id, staying);
        this.partTime = new Roster<>(Candidate::id, staying.stream().filter(person -> person.capacity() < FULL_TIME)
                .toList());
        this.projects = new Roster<>(ProjectDemand::id, snapshot.projects());
        this.startingPartTime = partTime.size();
        this.startingProjects = projects.size();
    }

    void putPerson(Candidate person) {
        people.put(person);
        if (person.capacity() < FULL_TIME) {
            partTime.put(person);
        } else {
            partTime.remove(person.id());
        }
    }

    void removePerson(String personId) {
        people.remove(personId);
        partTime.remove(personId);
    }

    String nextHireId() {
        return String.format("%s-h%05d", prefix, ++hires);
    }

    String nextProjectId() {
        return String.format("%s-n%05d", prefix, ++openings);
    }
}
