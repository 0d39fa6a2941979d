package dev.staffing.assignment.overrides;

import dev.staffing.assignment.storage.IdChunks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overrides in force and their audit. Written only by the ingest path, in the transaction of the batch
 * that decides the project's pool; read by the engine's inputs and the API.
 */
@Repository
public class OverrideStore {

    /** The widest reason the audit keeps (its column's width). */
    public static final int MAX_REASON = 1000;

    private static final String EXCLUSION_SLOT = "";

    private final JdbcClient jdbc;

    OverrideStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who asked, when and why: the part of a request that every change and audit entry carries. */
    public record Request(String eventId, String requestedBy, Instant requestedAt, String reason) {
    }

    /** The overrides on one project. */
    public ProjectOverrides forProject(String projectId) {
        return collect(jdbc.sql("select kind, slot_id, person_id, project_id from staffing_override where project_id = ?")
                .param(projectId).query(OverrideStore::row).list()).getOrDefault(projectId, ProjectOverrides.NONE);
    }

    /** The overrides on these projects, by project id; a project without any is not listed. */
    public Map<String, ProjectOverrides> forProjects(Collection<String> projectIds) {
        return collect(IdChunks.readAll(projectIds, chunk -> jdbc.sql("select kind, slot_id, person_id, project_id"
                + " from staffing_override where project_id = any(?)").param(chunk).query(OverrideStore::row).list()));
    }

    /** The overrides on every project of a pool, by project id. */
    public Map<String, ProjectOverrides> forPool(String pool) {
        return collect(jdbc.sql("""
                select o.kind, o.slot_id, o.person_id, o.project_id from staffing_override o
                join project p on p.id = o.project_id where p.pool = ?""")
                .param(pool).query(OverrideStore::row).list());
    }

    /** Pins the person to the slot; false when the pin was already there. */
    public boolean pin(String projectId, String slotId, String personId, Request request) {
        if (exists(projectId, OverrideKind.PIN, slotId, personId)) {
            return false;
        }
        insert(projectId, OverrideKind.PIN, slotId, personId, request);
        return true;
    }

    /** Lifts the pin; false when there was none. */
    public boolean unpin(String projectId, String slotId, String personId) {
        return delete(projectId, OverrideKind.PIN, slotId, personId) > 0;
    }

    /** Excludes the person from the project; false when they already were. */
    public boolean exclude(String projectId, String personId, Request request) {
        if (exists(projectId, OverrideKind.EXCLUSION, EXCLUSION_SLOT, personId)) {
            return false;
        }
        insert(projectId, OverrideKind.EXCLUSION, EXCLUSION_SLOT, personId, request);
        return true;
    }

    /** Lifts the exclusion; false when there was none. */
    public boolean include(String projectId, String personId) {
        return delete(projectId, OverrideKind.EXCLUSION, EXCLUSION_SLOT, personId) > 0;
    }

    /** Lifts every pin of the person in the project and says which slots they were on, in slot order. */
    public List<String> unpinEverywhere(String projectId, String personId) {
        List<String> slots = jdbc.sql("""
                select slot_id from staffing_override where project_id = ? and kind = ? and person_id = ?
                order by slot_id""").params(projectId, OverrideKind.PIN.name(), personId).query(String.class).list();
        jdbc.sql("delete from staffing_override where project_id = ? and kind = ? and person_id = ?")
                .params(projectId, OverrideKind.PIN.name(), personId).update();
        return slots;
    }

    /** Records an applied request. */
    public void audit(OverrideAuditEntry entry) {
        jdbc.sql("""
                insert into override_audit (event_id, action, pool, project_id, slot_id, person_id, requested_by,
                    requested_at, reason, outcome, applied_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.eventId(), entry.action(), entry.pool(), entry.projectId(), entry.slotId(),
                        entry.personId(), entry.requestedBy(), Timestamp.from(entry.requestedAt()), entry.reason(),
                        entry.outcome(), Timestamp.from(entry.appliedAt()))
                .update();
    }

    /** The overrides in force, optionally of one project or pool, by project, kind, slot and person. */
    public List<ActiveOverride> active(String projectId, String pool) {
        return jdbc.sql("""
                select o.kind, p.pool, o.project_id, o.slot_id, o.person_id, o.requested_by, o.requested_at, o.reason,
                    o.event_id
                from staffing_override o join project p on p.id = o.project_id
                where (cast(? as varchar(100)) is null or o.project_id = ?)
                    and (cast(? as varchar(100)) is null or p.pool = ?)
                order by o.project_id, o.kind, o.slot_id, o.person_id""")
                .params(projectId, projectId, pool, pool)
                .query((rs, row) -> new ActiveOverride(OverrideKind.valueOf(rs.getString("kind")), rs.getString("pool"),
                        rs.getString("project_id"), emptyToNull(rs.getString("slot_id")), rs.getString("person_id"),
                        rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                        rs.getString("reason"), rs.getString("event_id")))
                .list();
    }

    /** The audit of a project, newest first, at most {@code limit} entries. */
    public List<OverrideAuditEntry> auditOf(String projectId, int limit) {
        return jdbc.sql("""
                select event_id, action, pool, project_id, slot_id, person_id, requested_by, requested_at, reason,
                    outcome, applied_at
                from override_audit where project_id = ? order by applied_at desc, event_id desc limit ?""")
                .params(projectId, limit)
                .query((rs, row) -> new OverrideAuditEntry(rs.getString("event_id"), rs.getString("action"),
                        rs.getString("pool"), rs.getString("project_id"), rs.getString("slot_id"),
                        rs.getString("person_id"), rs.getString("requested_by"),
                        rs.getTimestamp("requested_at").toInstant(), rs.getString("reason"), rs.getString("outcome"),
                        rs.getTimestamp("applied_at").toInstant()))
                .list();
    }

    private boolean exists(String projectId, OverrideKind kind, String slotId, String personId) {
        return jdbc.sql("""
                select count(*) from staffing_override
                where project_id = ? and kind = ? and slot_id = ? and person_id = ?""")
                .params(projectId, kind.name(), slotId, personId).query(Long.class).single() > 0;
    }

    private void insert(String projectId, OverrideKind kind, String slotId, String personId, Request request) {
        jdbc.sql("""
                insert into staffing_override (project_id, kind, slot_id, person_id, requested_by, requested_at,
                    reason, event_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, kind.name(), slotId, personId, request.requestedBy(),
                        Timestamp.from(request.requestedAt()), request.reason(), request.eventId())
                .update();
    }

    private int delete(String projectId, OverrideKind kind, String slotId, String personId) {
        return jdbc.sql("delete from staffing_override where project_id = ? and kind = ? and slot_id = ? and person_id = ?")
                .params(projectId, kind.name(), slotId, personId).update();
    }

    private record Row(OverrideKind kind, String slotId, String personId, String projectId) {
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(OverrideKind.valueOf(rs.getString("kind")), rs.getString("slot_id"), rs.getString("person_id"),
                rs.getString("project_id"));
    }

    private static Map<String, ProjectOverrides> collect(List<Row> rows) {
        Map<String, Map<String, Set<String>>> pins = new TreeMap<>();
        Map<String, Set<String>> excluded = new TreeMap<>();
        for (Row row : rows) {
            if (row.kind() == OverrideKind.PIN) {
                pins.computeIfAbsent(row.projectId(), id -> new HashMap<>())
                        .computeIfAbsent(row.slotId(), id -> new HashSet<>()).add(row.personId());
            } else {
                excluded.computeIfAbsent(row.projectId(), id -> new HashSet<>()).add(row.personId());
            }
        }
        Map<String, ProjectOverrides> result = new HashMap<>();
        Set<String> projects = new HashSet<>(pins.keySet());
        projects.addAll(excluded.keySet());
        for (String project : projects) {
            result.put(project, new ProjectOverrides(pins.getOrDefault(project, Map.of()),
                    excluded.getOrDefault(project, Set.of())));
        }
        return result;
    }

    private static String emptyToNull(String slotId) {
        return slotId == null || slotId.isEmpty() ? null : slotId;
    }
}
