package dev.staffing.loadbenchmark;

/**
 * The generator's copy of one staffing pool: who works there, which projects are open, and the counts
 * the pool started with, which the stream steers back to so that a long run keeps the pool's shape.
 */
final class PoolMirror {

    final String name;
    final DrawSet<PersonState> people = new DrawSet<>();
    final DrawSet<PersonState> partTime = new DrawSet<>();
    final DrawSet<ProjectState> projects = new DrawSet<>();
    int startingProjects;
    int startingPartTime;
    private int hires;
    private int openings;

    PoolMirror(String name) {
        this.name = name;
    }

    void putPerson(PersonState person) {
        people.put(person.id(), person);
        if (person.partTime()) {
            partTime.put(person.id(), person);
        } else {
            partTime.remove(person.id());
        }
    }

    void removePerson(String id) {
        people.remove(id);
        partTime.remove(id);
    }

    String nextPersonId() {
        return String.format("%s-e%06d", name, ++hires);
    }

    String nextProjectId() {
        return String.format("%s-p%05d", name, ++openings);
    }

    /** Called once the seed is made: the counts the stream keeps the pool at. */
    void markStart() {
        startingProjects = projects.size();
        startingPartTime = partTime.size();
    }
}
