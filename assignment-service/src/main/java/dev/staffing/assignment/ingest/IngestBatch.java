package dev.staffing.assignment.ingest;

import dev.staffing.assignment.people.Person;
import dev.staffing.assignment.projects.Project;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one polled batch reads and writes while its events are applied: the people and projects it names and
 * the ids it has seen, read once at its start; the people and projects it changed and the ids it applied,
 * written once before its pools are decided. Later events of the batch see what earlier ones did here.
 */
final class IngestBatch {

    private final Set<String> processedBefore;
    private final Set<String> processedNow = new LinkedHashSet<>();
    private final Map<String, Person> people;
    private final Map<String, Person> changedPeople = new LinkedHashMap<>();
    private final Map<String, Project> projects;
    private final Map<String, Project> storedProjects;
    private final Map<String, Project> changedProjects = new LinkedHashMap<>();
    private final Set<String> parkedFor;

    IngestBatch(Set<String> processedBefore, Map<String, Person> people, Map<String, Project> projects,
            Set<String> parkedFor) {
        this.processedBefore = processedBefore;
        this.people = new HashMap<>(people);
        this.projects = new HashMap<>(projects);
        this.storedProjects = Map.copyOf(projects);
        this.parkedFor = parkedFor;
    }

    /** Applied before, in an earlier batch or earlier in this one. */
    boolean isProcessed(String eventId) {
        return processedBefore.contains(eventId) || processedNow.contains(eventId);
    }

    void processed(String eventId) {
        processedNow.add(eventId);
    }

    Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    void changed(Person person) {
        people.put(person.id(), person);
        changedPeople.put(person.id(), person);
    }

    Optional<Project> project(String id) {
        return Optional.ofNullable(projects.get(id));
    }

    void changed(Project project) {
        projects.put(project.id(), project);
        changedProjects.put(project.id(), project);
    }

    /** Whether events wait in parking for this entity (as read at the start, or parked since). */
    boolean hasParked(String entityType, String entityId) {
        return parkedFor.contains(ParkedEvents.key(entityType, entityId));
    }

    void parked(String entityType, String entityId) {
        parkedFor.add(ParkedEvents.key(entityType, entityId));
    }

    Collection<String> processedIds() {
        return processedNow;
    }

    Collection<Person> changedPeople() {
        return changedPeople.values();
    }

    Collection<Project> changedProjects() {
        return changedProjects.values();
    }

    /** The projects as the batch read them, before any of its events. */
    Map<String, Project> storedProjects() {
        return storedProjects;
    }
}
