package dev.staffing.assignment.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One bit per skill a pool has seen, for its first 64 skills, so that "has every required skill" is a mask
 * test in the searches that ask it of every person of a persona. A skill gets its bit the first time a person
 * or a slot names it, so a person's mask holds every skill of theirs that has a bit; a slot asking for a skill
 * with no bit (the 65th and later) falls back to comparing the sets. Which skill gets which bit depends on the
 * order they came in, never the answer.
 */
final class SkillBits {

    private static final int BITS = Long.SIZE;

    private final Map<String, Integer> bitOf = new HashMap<>();

    /** The mask of {@code skills}, giving a bit to each new one while bits last. */
    long maskOf(Set<String> skills) {
        long mask = 0;
        for (String skill : skills) {
            Integer bit = bitOf.get(skill);
            if (bit == null && bitOf.size() < BITS) {
                bit = bitOf.size();
                bitOf.put(skill, bit);
            }
            if (bit != null) {
                mask |= 1L << bit;
            }
        }
        return mask;
    }

    /** Whether every one of {@code skills} has a bit, so that masks alone compare them. */
    boolean allHaveBits(Set<String> skills) {
        for (String skill : skills) {
            if (!bitOf.containsKey(skill)) {
                return false;
            }
        }
        return true;
    }
}
