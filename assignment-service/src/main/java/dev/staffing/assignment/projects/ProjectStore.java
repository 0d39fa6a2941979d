package dev.staffing.assignment.projects;

import static dev.staffing.assignment.storage.SqlDates.localDate;
import static dev.staffing.assignment.storage.SqlDates.sqlDate;

import dev.staffing.assignment.storage.IdChunks;
import dev.staffing.assignment.storage.VersionChecks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes many projects, with their slots, in a few statements: the ingest path's store (see
 * {@code people.PersonStore}). The rows are those of the {@link Project} aggregate, its version included.
 */
@Component
public class ProjectStore {

    private static final String COLUMNS = "id, pool, name, priority, start_date, end_date, closed, last_sequence, version";
    private static final String SLOT_COLUMNS = "project, position, slot_id, persona, seats, allocation, required_skills,"
            + " min_seniority";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ProjectStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    private record Row(String id, String pool, String name, int priority, LocalDate startDate, LocalDate endDate,
            boolean closed, long lastSequence, long version) {
    }

    /** The stored projects among {@code ids}, by id. */
    public Map<String, Project> findAllById(Collection<String> ids) {
        Map<String, Project> found = new HashMap<>(ids.size() * 2);
        for (List<String> chunk : IdChunks.of(ids)) {
            List<Row> rows = jdbc.sql("select " + COLUMNS + " from project where id = any(?)").param(chunk.toArray(String[]::new))
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            localDate(rs.getDate(5)), localDate(rs.getDate(6)), rs.getBoolean(7), rs.getLong(8),
                            rs.getLong(9)))
                    .list();
            if (rows.isEmpty()) {
                continue;
            }
            Map<String, List<ProjectSlot>> slots = new HashMap<>();
            jdbc.sql("select " + SLOT_COLUMNS + " from project_slot where project = any(?) order by project, position")
                    .param(rows.stream().map(Row::id).toArray(String[]::new))
                    .query(rs -> {
                        slots.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(new ProjectSlot(
                                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7),
                                rs.getString(8)));
                    });
            for (Row row : rows) {
                found.put(row.id(), new Project(row.id(), row.pool(), row.name(), row.priority(), row.startDate(),
                        row.endDate(), row.closed(), row.lastSequence(), slots.getOrDefault(row.id(), List.of()),
                        row.version()));
            }
        }
        return found;
    }

    /** The priority of each stored project among {@code ids}, by id. */
    public Map<String, Integer> prioritiesOf(Collection<String> ids) {
        Map<String, Integer> found = new HashMap<>(ids.size() * 2);
        for (List<String> chunk : IdChunks.of(ids)) {
            jdbc.sql("select id, priority from project where id = any(?)").param(chunk.toArray(String[]::new))
                    .query(rs -> {
                        found.put(rs.getString(1), rs.getInt(2));
                    });
        }
        return found;
    }

    /**
     * Inserts the new projects (version {@code null}), updates the others where their stored version is still
     * the one they were read with, and writes anew the slots of those whose slots differ from {@code stored}
     * (the projects as they were read), in one batch each.
     *
     * @throws OptimisticLockingFailureException when another writer changed one of them since it was read
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writeAll(Collection<Project> projects, Map<String, Project> stored) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Project> updated = new ArrayList<>();
        List<Object[]> slots = new ArrayList<>();
        List<String> reslotted = new ArrayList<>();
        for (Project project : projects) {
            Project before = stored.get(project.id());
            boolean slotsChanged = before == null || !before.slots().equals(project.slots());
            if (project.version() == null) {
                inserts.add(new Object[] {project.id(), project.pool(), project.name(), project.priority(),
                        sqlDate(project.startDate()), sqlDate(project.endDate()), project.closed(),
                        project.lastSequence()});
            } else {
                updated.add(project);
                if (slotsChanged) {
                    reslotted.add(project.id());
                }
                updates.add(new Object[] {project.pool(), project.name(), project.priority(),
                        sqlDate(project.startDate()), sqlDate(project.endDate()), project.closed(),
                        project.lastSequence(), project.id(), project.version()});
            }
            for (int position = 0; slotsChanged && position < project.slots().size(); position++) {
                ProjectSlot slot = project.slots().get(position);
                slots.add(new Object[] {project.id(), position, slot.slotId(), slot.persona(), slot.seats(),
                        slot.allocation(), slot.requiredSkills(), slot.minSeniority()});
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate("insert into project (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, 0)", inserts);
        }
        if (!updates.isEmpty()) {
            int[] counts = batches.batchUpdate("""
                    update project set pool = ?, name = ?, priority = ?, start_date = ?, end_date = ?, closed = ?,
                    last_sequence = ?, version = version + 1 where id = ? and version = ?""", updates);
            VersionChecks.requireEachFound(counts, updated,
                    project -> "project " + project.id() + " (version " + project.version() + ")");
            for (List<String> chunk : IdChunks.of(reslotted)) {
                jdbc.sql("delete from project_slot where project = any(?)").param(chunk.toArray(String[]::new)).update();
            }
        }
        if (!slots.isEmpty()) {
            batches.batchUpdate("insert into project_slot (" + SLOT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
                    slots);
        }
    }
}
