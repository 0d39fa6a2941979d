package dev.staffing.assignment.people;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person of a staffing pool, as the latest applied employee event left them.
 *
 * @param personas persona ids, comma-separated (see {@link TagSet})
 * @param skills skills, comma-separated
 * @param capacity FTE in hundredths (100 = full time)
 * @param seniority a seniority level name, JUNIOR to PRINCIPAL
 * @param lastSequence the per-employee sequence of the last applied event
 */
@Table("person")
public record Person(@Id String id, String pool, String displayName, String personas, String skills, String seniority,
        int capacity, LocalDate startDate, LocalDate leaveFrom, LocalDate leaveTo, LocalDate departureDate,
        long lastSequence, @Version Long version) {

    public static Person hired(String id, String pool, String displayName, Set<String> personas, Set<String> skills,
            String seniority, int capacity, LocalDate startDate, long sequence) {
        return new Person(id, pool, displayName, TagSet.of(personas).format(), TagSet.of(skills).format(), seniority, capacity,
                startDate, null, null, null, sequence, null);
    }

    public Person withProfile(Set<String> newPersonas, Set<String> newSkills, String newSeniority, long sequence) {
        return new Person(id, pool, displayName, TagSet.of(newPersonas).format(), TagSet.of(newSkills).format(), newSeniority, capacity,
                startDate, leaveFrom, leaveTo, departureDate, sequence, version);
    }

    public Person withCapacity(int newCapacity, long sequence) {
        return new Person(id, pool, displayName, personas, skills, seniority, newCapacity, startDate, leaveFrom,
                leaveTo, departureDate, sequence, version);
    }

    public Person withLeave(LocalDate from, LocalDate to, long sequence) {
        return new Person(id, pool, displayName, personas, skills, seniority, capacity, startDate, from, to,
                departureDate, sequence, version);
    }

    public Person withDeparture(LocalDate effectiveDate, long sequence) {
        return new Person(id, pool, displayName, personas, skills, seniority, capacity, startDate, leaveFrom, leaveTo,
                effectiveDate, sequence, version);
    }

    public TagSet personaSet() {
        return TagSet.parse(personas);
    }

    public TagSet skillSet() {
        return TagSet.parse(skills);
    }

    public boolean isNew() {
        return version == null;
    }
}
