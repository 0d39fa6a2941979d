package dev.staffing.assignment.staffing;

import dev.staffing.assignment.people.Person;
import dev.staffing.assignment.projects.Project;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The people and projects one processed batch changed, per staffing pool, as they now stand, with the id
 * of the last input event that touched each pool (outgoing event ids derive from it). A person or
 * project that moved to another pool is listed under both. Pools come in name order, so that two
 * instances deciding overlapping sets of pools lock them in the same order and never deadlock.
 */
public final class PoolChanges {

    private final TreeMap<String, ForPool> byPool = new TreeMap<>();

    public void person(String pool, Person person, String causationId) {
        touch(pool, causationId).people.put(person.id(), person);
    }

    public void project(String pool, Project project, String causationId) {
        touch(pool, causationId).projects.put(project.id(), project);
    }

    /** A project whose priority changed: the severity of its open gaps is looked at again. */
    public void reprioritised(String pool, Project project, String causationId) {
        project(pool, project, causationId);
        byPool.get(pool).reprioritised.add(project.id());
    }

    public boolean isEmpty() {
        return byPool.isEmpty();
    }

    /** What changed, by pool, in pool order. */
    SortedMap<String, ForPool> byPool() {
        return Collections.unmodifiableSortedMap(byPool);
    }

    public Collection<String> pools() {
        return byPool.keySet();
    }

    private ForPool touch(String pool, String causationId) {
        ForPool changes = byPool.computeIfAbsent(pool, key -> new ForPool());
        changes.causationId = causationId;
        return changes;
    }

    /** What changed in one pool. */
    public static final class ForPool {

        private final Map<String, Person> people = new LinkedHashMap<>();
        private final Map<String, Project> projects = new LinkedHashMap<>();
        private final Set<String> reprioritised = new LinkedHashSet<>();
        private String causationId;

        /** Nothing changed: the pool is decided again because time passed. */
        public static ForPool timeOnly(String causationId) {
            ForPool changes = new ForPool();
            changes.causationId = causationId;
            return changes;
        }

        Collection<Person> people() {
            return people.values();
        }

        Collection<Project> projects() {
            return projects.values();
        }

        /** The projects whose priority changed. */
        Set<String> reprioritised() {
            return reprioritised;
        }

        String causationId() {
            return causationId;
        }
    }
}
