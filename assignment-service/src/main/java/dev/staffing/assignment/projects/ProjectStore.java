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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes projects: the ingest path's store, which reads every project a batch names in one
 * statement (per {@link IdChunks#SIZE} ids) and writes every project it changed together, and the
 * reads by id and by pool of the API, the board and a pool's rebuild. A project's slots are kept in its
 * row ({@link ProjectSlotsColumn}). Writes keep the optimistic version of {@link Project}: an update that
 * meets a newer row fails the transaction.
 */
@Component
public class ProjectStore {

    private static final String COLUMNS = "id, pool, name, priority, start_date, end_date, closed, last_sequence,"
            + " slots, version";

    /**
     * One statement for many updates, on PostgreSQL (see {@link DatabaseKind}); a null slots value leaves the
     * column as it is, as in the JDBC batch of the other databases.
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
        IdChunks.readAll(ids, chunk -> jdbc.sql("select " + COLUMNS + " from project where id = any(?)").param(chunk)
                .query(this::project).list()).forEach(project -> found.put(project.id(), project));
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
        IdChunks.readAll(ids, chunk -> jdbc.sql("select id, priority from project where id = any(?)").param(chunk)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list())
                .forEach(priority -> found.put(priority.getKey(), priority.getValue()));
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
        List<Update> updates = new ArrayList<>();
        for (Project project : projects) {
            Project before = stored.get(project.id());
            if (project.version() == null) {
                inserts.add(new Object[] {project.id(), project.pool(), project.name(), project.priority(),
                        sqlDate(project.startDate()), sqlDate(project.endDate()), project.closed(),
                        project.lastSequence(), slotsColumn.write(project.slots())});
            } else {
                updates.add(new Update(project, before != null && before.slots().equals(project.slots()) ? null
                        : slotsColumn.write(project.slots())));
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate("insert into project (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", inserts);
        }
        if (database.isPostgres()) {
            updateMany(updates);
        } else if (!updates.isEmpty()) {
            int[] counts = batches.batchUpdate("""
                    update project set pool = ?, name = ?, priority = ?, start_date = ?, end_date = ?, closed = ?,
                    last_sequence = ?, slots = coalesce(?, slots), version = version + 1
                    where id = ? and version = ?""", updates.stream().map(update -> {
                        Project project = update.project();
                        return new Object[] {project.pool(), project.name(), project.priority(),
                                sqlDate(project.startDate()), sqlDate(project.endDate()), project.closed(),
                                project.lastSequence(), update.newSlots(), project.id(), project.version()};
                    }).toList());
            VersionChecks.requireEachFound(counts, updates.stream().map(Update::project).toList(),
                    ProjectStore::described);
        }
    }

    /** A stored project to update, with its slots column anew, or null to leave the stored one. */
    private record Update(Project project, String newSlots) {
    }

    /** The updates in one statement per {@link IdChunks#SIZE} projects. */
    private void updateMany(List<Update> updates) {
        for (List<Update> chunk : IdChunks.of(updates)) {
            List<Project> projects = chunk.stream().map(Update::project).toList();
            List<String> returned = jdbc.sql(UPDATE_MANY)
                    .param(column(projects, Project::id)).param(column(projects, Project::pool))
                    .param(column(projects, Project::name))
                    .param(projects.stream().map(Project::priority).toArray(Integer[]::new))
                    .param(column(projects, project -> isoDate(project.startDate())))
                    .param(column(projects, project -> isoDate(project.endDate())))
                    .param(projects.stream().map(Project::closed).toArray(Boolean[]::new))
                    .param(projects.stream().map(Project::lastSequence).toArray(Long[]::new))
                    .param(column(chunk, Update::newSlots))
                    .param(projects.stream().map(Project::version).toArray(Long[]::new))
                    .query(String.class).list();
            VersionChecks.requireEachReturned(returned, projects, Project::id, ProjectStore::described);
        }
    }

    private static String described(Project project) {
        return "project " + project.id() + " (version " + project.version() + ")";
    }
}
