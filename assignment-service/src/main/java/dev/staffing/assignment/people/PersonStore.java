package dev.staffing.assignment.people;

import static dev.staffing.assignment.storage.SqlArrays.column;
import static dev.staffing.assignment.storage.SqlDates.isoDate;
import static dev.staffing.assignment.storage.SqlDates.localDate;
import static dev.staffing.assignment.storage.SqlDates.sqlDate;

import dev.staffing.assignment.storage.DatabaseKind;
import dev.staffing.assignment.storage.IdChunks;
import dev.staffing.assignment.storage.VersionChecks;
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
 * Reads and writes many people in a few statements: the ingest path's store, where a polled batch reads
 * every person it names in one go and writes every person it changed in one JDBC batch. Writes keep the
 * optimistic version of {@link Person}: an update that meets a newer row fails the transaction.
 */
@Component
public class PersonStore {

    private static final String COLUMNS = "id, pool, display_name, personas, skills, seniority, capacity, start_date,"
            + " leave_from, leave_to, departure_date, last_sequence, version";

    /** One statement for many updates, on PostgreSQL (see {@link DatabaseKind}). */
    private static final String UPDATE_MANY = """
            update person p set pool = v.pool, display_name = v.display_name, personas = v.personas,
            skills = v.skills, seniority = v.seniority, capacity = v.capacity, start_date = v.start_date::date,
            leave_from = v.leave_from::date, leave_to = v.leave_to::date, departure_date = v.departure_date::date,
            last_sequence = v.last_sequence, version = p.version + 1
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[],
                ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[])
                as v(id, pool, display_name, personas, skills, seniority, capacity, start_date, leave_from, leave_to,
                    departure_date, last_sequence, version)
            where p.id = v.id and p.version = v.version
            returning p.id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DatabaseKind database;

    PersonStore(JdbcClient jdbc, JdbcTemplate batches, DatabaseKind database) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.database = database;
    }

    /** The stored people among {@code ids}, by id. */
    public Map<String, Person> findAllById(Collection<String> ids) {
        Map<String, Person> found = new HashMap<>(ids.size() * 2);
        IdChunks.readAll(ids, chunk -> jdbc.sql("select " + COLUMNS + " from person where id = any(?)").param(chunk)
                .query((rs, row) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), localDate(rs.getDate(8)),
                        localDate(rs.getDate(9)), localDate(rs.getDate(10)), localDate(rs.getDate(11)),
                        rs.getLong(12), rs.getLong(13)))
                .list()).forEach(person -> found.put(person.id(), person));
        return found;
    }

    /**
     * Inserts the new people (version {@code null}) and updates the others where their stored version is still
     * the one they were read with, in one batch each (on PostgreSQL the updates in one statement per
     * {@link IdChunks#SIZE} people).
     *
     * @throws OptimisticLockingFailureException when another writer changed one of them since it was read
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writeAll(Collection<Person> people) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Person> updated = new ArrayList<>();
        for (Person person : people) {
            if (person.isNew()) {
                inserts.add(new Object[] {person.id(), person.pool(), person.displayName(), person.personas(),
                        person.skills(), person.seniority(), person.capacity(), sqlDate(person.startDate()),
                        sqlDate(person.leaveFrom()), sqlDate(person.leaveTo()), sqlDate(person.departureDate()),
                        person.lastSequence()});
            } else {
                updated.add(person);
                updates.add(new Object[] {person.pool(), person.displayName(), person.personas(), person.skills(),
                        person.seniority(), person.capacity(), sqlDate(person.startDate()), sqlDate(person.leaveFrom()),
                        sqlDate(person.leaveTo()), sqlDate(person.departureDate()), person.lastSequence(), person.id(),
                        person.version()});
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate("insert into person (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    inserts);
        }
        if (!updates.isEmpty() && database.isPostgres()) {
            updateMany(updated);
        } else if (!updates.isEmpty()) {
            int[] counts = batches.batchUpdate("""
                    update person set pool = ?, display_name = ?, personas = ?, skills = ?, seniority = ?, capacity = ?,
                    start_date = ?, leave_from = ?, leave_to = ?, departure_date = ?, last_sequence = ?,
                    version = version + 1 where id = ? and version = ?""", updates);
            VersionChecks.requireEachFound(counts, updated, PersonStore::described);
        }
    }

    private void updateMany(List<Person> updated) {
        for (List<Person> chunk : IdChunks.of(updated)) {
            List<String> returned = jdbc.sql(UPDATE_MANY)
                    .param(column(chunk, Person::id)).param(column(chunk, Person::pool))
                    .param(column(chunk, Person::displayName)).param(column(chunk, Person::personas))
                    .param(column(chunk, Person::skills)).param(column(chunk, Person::seniority))
                    .param(chunk.stream().map(Person::capacity).toArray(Integer[]::new))
                    .param(column(chunk, person -> isoDate(person.startDate())))
                    .param(column(chunk, person -> isoDate(person.leaveFrom())))
                    .param(column(chunk, person -> isoDate(person.leaveTo())))
                    .param(column(chunk, person -> isoDate(person.departureDate())))
                    .param(chunk.stream().map(Person::lastSequence).toArray(Long[]::new))
                    .param(chunk.stream().map(Person::version).toArray(Long[]::new))
                    .query(String.class).list();
            VersionChecks.requireEachReturned(returned, chunk, Person::id, PersonStore::described);
        }
    }


    private static String described(Person person) {
        return "person " + person.id() + " (version " + person.version() + ")";
    }
}
