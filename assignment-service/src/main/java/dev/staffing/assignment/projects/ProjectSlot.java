package dev.staffing.assignment.projects;

import dev.staffing.assignment.people.TagSet;

/**
 * A persona slot of a project.
 *
 * @param allocation FTE per seat in hundredths
 * @param requiredSkills skills, comma-separated (see {@link TagSet})
 * @param minSeniority lowest accepted seniority level name, or null for any
 */
public record ProjectSlot(String slotId, String persona, int seats, int allocation, String requiredSkills,
        String minSeniority) {

    public TagSet requiredSkillSet() {
        return TagSet.parse(requiredSkills);
    }
}
