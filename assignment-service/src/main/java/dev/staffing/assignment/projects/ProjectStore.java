package dev.staffing.assignment.projects;

import static dev.staffing.assignment.storage.SqlArrays.column;
import static dev.staffing.assignment.storage.SqlDates.isoDate;
import static dev.staffing.assignment.storage.SqlDates.localDate;
import static dev.staffing.assignment.storage.SqlDates.sqlDate;

import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.IdChunks;
import dev.staffing.assignment.storage.VersionChecks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes projects: the ingest path's store, which reads every project a batch names in one
 * statement (per {@link IdChunks#SIZE} ids) and writes every project it changed in one JDBC batch, and the
 * reads by id and by pool of the API, the board and a pool's rebuild. A project's slots are kept in its
 * row ({@link ProjectSlotsColumn}). Writes keep the optimistic version of {@link Project}: an update that
 * meets a newer row fails the transaction.
 */
@Component
public class ProjectStore {

    private static final String COLUMNS = "id, pool, name, priority, start_date, end_date, closed, last_sequence, slots,"
            + " version";

    /**
     * One statement for many updates, on PostgreSQL (see {@link DatabaseKind}); a null slots value leaves the
     * column as it is.
     */
    private static final String UPDATE_MANY = """
            update project p set pool = v.pool, name = v.name, priority = v.priority, start_date = v.start_date::date,
            end_date = v.end_date::date, closed = v.closed, last_sequence = v.last_sequence,
            slots = coalesce(v.slots, p.slots), version = p.version + 1
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::boolean[],
                ?::bigint[], ?::varchar[], ?::bigint[])
                as v(id, pool, name, priority, start_date, end_date, closed, last_sequence, slots, version)
            where p.id = v.id and p.version = v.version
            returning p.id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ProjectSlotsColumn slotsColumn;
    private final DatabaseKind database;

    ProjectStore(JdbcClient jdbc, JdbcTemplate batches, ProjectSlotsColumn slotsColumn, DatabaseKind database) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.slotsColumn = slotsColumn;
        this.database = database;
    }

    /** The stored projects among {@code ids}, by id. */
    public Map<String, Project> findAllById(Collection<String> ids) {
        Map<String, Project> found = new HashMap<>(ids.size() * 2);
        for (List<String> chunk : IdChunks.of(ids)) {
            jdbc.sql("select " + COLUMNS + " from project where id = any(?)").param(chunk.toArray(String[]::new))
                    .query(this::project).list().forEach(project -> found.put(project.id(), project));
        }
        return found;
    }

    public Optional<Project> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from project where id = ?").param(id).query(this::project).optional();
    }

    /** The pool's projects, closed ones included, by id. */
    public List<Project> findByPool(String pool) {
        return jdbc.sql("select " + COLUMNS + " from project where pool = ? order by id").param(pool)
                .query(this::project).list();
    }

    private Project project(ResultSet rs, int row) throws SQLException {
        String id = rs.getString(1);
        return new Project(id, rs.getString(2), rs.getString(3), rs.getInt(4), localDate(rs.getDate(5)),
                localDate(rs.getDate(6)), rs.getBoolean(7), rs.getLong(8), slotsColumn.read(id, rs.getString(9)),
                rs.getLong(10));
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
     * Inserts the new projects (version {@code null}) and updates the others where their stored version is still
     * the one they were read with, in one batch each. The slots column is written only where the slots differ
     * from {@code stored} (the projects as they were read), or where the project was not among them. On
     * PostgreSQL the updates go in one statement per {@link IdChunks#SIZE} projects.
     *
     * @throws OptimisticLockingFailureException when another writer changed one of them since it was read
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writeAll(Collection<Project> projects, Map<String, Project> stored) {
        List<Object[]> inserts = new ArrayList<>();
        List<Project> updated = new ArrayList<>();
        List<Project> reslotted = new ArrayList<>();
        for (Project project : projects) {
            Project before = stored.get(project.id());
            if (project.version() == null) {
                inserts.add(new Object[] {project.id(), project.pool(), project.name(), project.priority(),
                        sqlDate(project.startDate()), sqlDate(project.endDate()), project.closed(),
                        project.lastSequence(), slotsColumn.write(project.slots())});
            } else if (before == null || !before.slots().equals(project.slots())) {
                reslotted.add(project);
            } else {
                updated.add(project);
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate("insert into project (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", inserts);
        }
        if (database.isPostgres()) {
            List<Project> changed = new ArrayList<>(updated);
            changed.addAll(reslotted);
            Set<Project> keepSlots = Collections.newSetFromMap(new IdentityHashMap<>());
            keepSlots.addAll(updated);
            updateMany(changed, keepSlots);
            return;
        }
        if (!updated.isEmpty()) {
            int[] counts = batches.batchUpdate("""
                    update project set pool = ?, name = ?, priority = ?, start_date = ?, end_date = ?, closed = ?,
                    last_sequence = ?, version = version + 1 where id = ? and version = ?""",
                    updated.stream().map(project -> new Object[] {project.pool(), project.name(), project.priority(),
                            sqlDate(project.startDate()), sqlDate(project.endDate()), project.closed(),
                            project.lastSequence(), project.id(), project.version()}).toList());
            VersionChecks.requireEachFound(counts, updated, ProjectStore::described);
        }
        if (!reslotted.isEmpty()) {
            int[] counts = batches.batchUpdate("""
                    update project set pool = ?, name = ?, priority = ?, start_date = ?, end_date = ?, closed = ?,
                    last_sequence = ?, slots = ?, version = version + 1 where id = ? and version = ?""",
                    reslotted.stream().map(project -> new Object[] {project.pool(), project.name(),
                            project.priority(), sqlDate(project.startDate()), sqlDate(project.endDate()),
                            project.closed(), project.lastSequence(), slotsColumn.write(project.slots()), project.id(),
                            project.version()}).toList());
            VersionChecks.requireEachFound(counts, reslotted, ProjectStore::described);
        }
    }

    /** The updates in one statement per {@link IdChunks#SIZE} projects; {@code keepSlots} leave their slots. */
    private void updateMany(List<Project> changed, Set<Project> keepSlots) {
        for (List<Project> chunk : IdChunks.of(changed)) {
            List<String> returned = jdbc.sql(UPDATE_MANY)
                    .param(column(chunk, Project::id)).param(column(chunk, Project::pool))
                    .param(column(chunk, Project::name))
                    .param(chunk.stream().map(Project::priority).toArray(Integer[]::new))
                    .param(column(chunk, project -> isoDate(project.startDate())))
                    .param(column(chunk, project -> isoDate(project.endDate())))
                    .param(chunk.stream().map(Project::closed).toArray(Boolean[]::new))
                    .param(chunk.stream().map(Project::lastSequence).toArray(Long[]::new))
                    .param(column(chunk, project -> keepSlots.contains(project) ? null
                            : slotsColumn.write(project.slots())))
                    .param(chunk.stream().map(Project::version).toArray(Long[]::new))
                    .query(String.class).list();
            VersionChecks.requireEachReturned(returned, chunk, Project::id, ProjectStore::described);
        }
    }


    private static String described(Project project) {
        return "project " + project.id() + " (version " + project.version() + ")";
    }
}
