package dev.staffing.assignment.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.staffing.assignment.storage.EnabledIfTestPostgres;
import dev.staffing.assignment.storage.StoreDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Migration 8 moves the slots of the projects a database already holds from their own table into the
 * project's row: the same slots, in position order, read back by the store's own column format, on each
 * database with its own twin of the migration.
 */
class ProjectSlotsInRowMigrationTest {

    @Nested
    class OnH2 extends Scenario {
        OnH2() {
            super(StoreDatabase.Kind.H2);
        }
    }

    @Nested
    @EnabledIfTestPostgres
    class OnPostgres extends Scenario {
        OnPostgres() {
            super(StoreDatabase.Kind.POSTGRES);
        }
    }

    abstract static class Scenario {

        private final StoreDatabase.Kind kind;

        Scenario(StoreDatabase.Kind kind) {
            this.kind = kind;
        }

        @Test
        void slotsStoredBeforeAreInTheProjectRowAfterInPositionOrder() throws SQLException {
            StoreDatabase database = StoreDatabase.fresh(kind, ProjectSlotsInRowMigrationTest.class);
            // An in-memory H2 database lives as long as a connection to it: this one, for the whole test.
            try (Connection connection = database.connect()) {
                database.flyway().target("7").load().migrate();
                insertProject(connection, "p-two-slots");
                insertProject(connection, "p-no-slots");
                // Inserted out of position order, with what JSON must escape and a slot without a seniority.
                insertSlot(connection, "p-two-slots", 1, "z-backend", "backend-engineer", 3, 100, "java,kafka", null);
                insertSlot(connection, "p-two-slots", 0, "a-\"security\"\\1", "security-engineer", 1, 25, "",
                        "SENIOR");

                database.flyway().load().migrate();

                Map<String, List<ProjectSlot>> slots = slotsByProject(connection);
                assertThat(slots).containsOnlyKeys("p-two-slots", "p-no-slots");
                assertThat(slots.get("p-two-slots")).containsExactly(
                        new ProjectSlot("a-\"security\"\\1", "security-engineer", 1, 25, "", "SENIOR"),
                        new ProjectSlot("z-backend", "backend-engineer", 3, 100, "java,kafka", null));
                assertThat(slots.get("p-no-slots")).isEmpty();
                assertThat(tableExists(connection, "project_slot")).as("the slot table is gone").isFalse();
            } finally {
                database.drop();
            }
        }

        private static void insertProject(Connection connection, String id) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("insert into project (id, pool, name, priority,"
                    + " start_date, end_date, closed, last_sequence, version) values (?, 'pool-1', ?, 3, date"
                    + " '2026-04-01', null, false, 1, 0)")) {
                insert.setString(1, id);
                insert.setString(2, "Project " + id);
                insert.executeUpdate();
            }
        }

        private static void insertSlot(Connection connection, String project, int position, String slotId,
                String persona, int seats, int allocation, String skills, String seniority) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("insert into project_slot (project, position,"
                    + " slot_id, persona, seats, allocation, required_skills, min_seniority)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, project);
                insert.setInt(2, position);
                insert.setString(3, slotId);
                insert.setString(4, persona);
                insert.setInt(5, seats);
                insert.setInt(6, allocation);
                insert.setString(7, skills);
                insert.setString(8, seniority);
                insert.executeUpdate();
            }
        }

        private static Map<String, List<ProjectSlot>> slotsByProject(Connection connection) throws SQLException {
            ProjectSlotsColumn column = new ProjectSlotsColumn();
            Map<String, List<ProjectSlot>> slots = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select id, slots from project order by id")) {
                while (rows.next()) {
                    slots.put(rows.getString(1), column.read(rows.getString(1), rows.getString(2)));
                }
            }
            return slots;
        }

        private static boolean tableExists(Connection connection, String table) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("select count(*) from information_schema.tables"
                    + " where table_name = ? and table_schema = current_schema()")) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1) > 0;
                }
            }
        }
    }
}
