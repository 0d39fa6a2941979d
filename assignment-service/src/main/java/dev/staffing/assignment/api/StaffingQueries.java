package dev.staffing.assignment.api;

import dev.staffing.assignment.alerts.OpenGap;
import dev.staffing.assignment.alerts.OpenGapRepository;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectSlot;
import dev.staffing.assignment.projects.ProjectSlotsColumn;
import dev.staffing.assignment.projects.ProjectStore;
import dev.staffing.assignment.staffing.Assignment;
import dev.staffing.assignment.staffing.AssignmentRepository;
import dev.staffing.events.GapSeverity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads staffing for the API, each answer from one consistent snapshot. The lists are filtered, counted and
 * paged in SQL, so that a page costs the same however many rows the tables hold.
 */
@Component
class StaffingQueries {

    private static final String SEVERITY_RANK = severityRank();

    private final ProjectStore projects;
    private final ProjectSlotsColumn slotsColumn;
    private final AssignmentRepository assignments;
    private final OpenGapRepository openGaps;
    private final JdbcClient jdbc;

    StaffingQueries(ProjectStore projects, ProjectSlotsColumn slotsColumn, AssignmentRepository assignments,
            OpenGapRepository openGaps, JdbcClient jdbc) {
        this.projects = projects;
        this.slotsColumn = slotsColumn;
        this.assignments = assignments;
        this.openGaps = openGaps;
        this.jdbc = jdbc;
    }

    /** One page of the projects that pass the filter, by id. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    PageView<ProjectSummaryView> projects(ProjectFilter filter, PageRequest page) {
        String hasGap = "exists (select 1 from open_gap g where g.project_id = p.id)";
        SqlConditions where = new SqlConditions()
                .equal("pool", filter.pool())
                .equal("closed", filter.closed())
                .when(Boolean.TRUE.equals(filter.hasGaps()), hasGap)
                .when(Boolean.FALSE.equals(filter.hasGaps()), "not " + hasGap);
        long total = jdbc.sql("select count(*) from project p" + where.where()).params(where.parameters())
                .query(Long.class).single();
        List<ProjectSummaryView> items = jdbc.sql("""
                select p.id, p.name, p.pool, p.priority, p.closed,
                    p.slots,
                    (select count(*) from assignment a where a.project_id = p.id) as filled,
                    (select count(*) from open_gap g where g.project_id = p.id) as open_gaps
                from project p""" + where.where() + " order by p.id limit :limit offset :offset")
                .params(where.parameters()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, row) -> new ProjectSummaryView(rs.getString("id"), rs.getString("name"),
                        rs.getString("pool"), rs.getInt("priority"), rs.getBoolean("closed"),
                        slotsColumn.read(rs.getString("id"), rs.getString("slots")).stream()
                                .mapToInt(ProjectSlot::seats).sum(),
                        rs.getInt("filled"), rs.getInt("open_gaps")))
                .list();
        return PageView.of(items, page, total);
    }

    @Transactional(readOnly = true)
    Optional<ProjectStaffingView> staffingOf(String projectId) {
        return projects.findById(projectId).map(project -> {
            Map<String, Assignment> holders = assignments.findByProjectId(projectId).stream()
                    .collect(Collectors.toMap(Assignment::seatKey, Function.identity()));
            List<OpenGap> gaps = openGaps.findByProjectId(projectId);
            Map<String, OpenGap> gapsBySeat = gaps.stream()
                    .collect(Collectors.toMap(OpenGap::seatKey, Function.identity()));
            List<ProjectStaffingView.SlotView> slots = new ArrayList<>();
            for (ProjectSlot slot : project.slots()) {
                List<ProjectStaffingView.SeatView> seats = new ArrayList<>();
                for (int seat = 1; seat <= slot.seats(); seat++) {
                    String key = projectId + "/" + slot.slotId() + "/" + seat;
                    Assignment holder = holders.get(key);
                    OpenGap gap = gapsBySeat.get(key);
                    seats.add(new ProjectStaffingView.SeatView(seat, holder == null ? null : holder.personId(),
                            gap == null ? null : GapView.of(gap)));
                }
                slots.add(new ProjectStaffingView.SlotView(slot.slotId(), slot.persona(), slot.allocation() / 100.0,
                        List.copyOf(slot.requiredSkillSet().values()), slot.minSeniority(), seats));
            }
            return new ProjectStaffingView(project.id(), project.name(), project.pool(), project.priority(),
                    project.startDate(), project.endDate(), project.closed(), slots,
                    gaps.stream().sorted(OpenGap.MOST_URGENT_FIRST).map(GapView::of).toList());
        });
    }

    @Transactional(readOnly = true)
    Optional<GapView> gapOf(String projectId, String slotId, int seat) {
        return openGaps.findById(projectId + "/" + slotId + "/" + seat).map(GapView::of);
    }

    /** One page of the open gaps that pass the filter, most urgent first. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    PageView<GapView> openGaps(GapFilter filter, PageRequest page) {
        SqlConditions where = new SqlConditions()
                .equal("persona", filter.persona())
                .equal("severity", filter.severity() == null ? null : filter.severity().name())
                .equal("pool", filter.pool())
                .equal("project_id", filter.projectId());
        long total = jdbc.sql("select count(*) from open_gap" + where.where()).params(where.parameters())
                .query(Long.class).single();
        List<String> seatKeys = jdbc.sql("select seat_key from open_gap" + where.where() + " order by "
                        + SEVERITY_RANK + " desc, effective_date, seat_key limit :limit offset :offset")
                .params(where.parameters()).param("limit", page.size()).param("offset", page.offset())
                .query(String.class).list();
        // The page's rows through the repository, so that the view maps every column the entity has.
        Map<String, OpenGap> bySeat = openGaps.findAllById(seatKeys).stream()
                .collect(Collectors.toMap(OpenGap::seatKey, Function.identity()));
        List<GapView> items = seatKeys.stream().map(bySeat::get).filter(Objects::nonNull).map(GapView::of).toList();
        return PageView.of(items, page, total);
    }

    /** A SQL expression that ranks a gap's severity as {@link GapSeverity} orders it, LOW lowest. */
    private static String severityRank() {
        StringBuilder rank = new StringBuilder("case severity");
        for (GapSeverity severity : GapSeverity.values()) {
            rank.append(" when '").append(severity.name()).append("' then ").append(severity.ordinal());
        }
        return rank.append(" else -1 end").toString();
    }
}
