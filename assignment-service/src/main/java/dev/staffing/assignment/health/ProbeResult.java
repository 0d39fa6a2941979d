package dev.staffing.assignment.health;

/**
 * What one probe of a dependency found.
 *
 * @param dependency what was probed, in words ("database", "schema registry")
 * @param reachable whether it answered as it should
 * @param detail what it answered, or why it did not
 */
public record ProbeResult(String dependency, boolean reachable, String detail) {

    static ProbeResult reachable(String dependency, String detail) {
        return new ProbeResult(dependency, true, detail);
    }

    static ProbeResult unreachable(String dependency, String detail) {
        return new ProbeResult(dependency, false, detail);
    }
}
