/**
 * Staffing managers' overrides of the engine: pin a person to a slot, exclude a person from a project, and
 * lift either. A request is checked and published to the overrides topic by the API; the ingest path
 * applies it, as the one writer of its project's pool, to {@link dev.staffing.assignment.overrides.OverrideStore}
 * with an audit entry (who, when, why, what it did), and the pool's next decision takes it into account.
 */
package dev.staffing.assignment.overrides;
