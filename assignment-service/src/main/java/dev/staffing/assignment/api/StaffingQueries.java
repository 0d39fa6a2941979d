package dev.staffing.assignment.api;

import dev.staffing.assignment.alerts.OpenGap;
import dev.staffing.assignment.alerts.OpenGapRepository;
import dev.staffing.assignment.projects.Project;
import dev.staffing.assignment.projects.ProjectRepository;
import dev.staffing.assignment.projects.ProjectSlot;
import dev.staffing.assignment.staffing.Assignment;
import dev.staffing.assignment.staffing.AssignmentRepository;
import dev.staffing.events.GapSeverity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads staffing for the API, each answer from one consistent snapshot. */
@Component
class StaffingQueries {

    private static final Comparator<OpenGap> MOST_URGENT_FIRST = Comparator
            .comparing((OpenGap gap) -> GapSeverity.valueOf(gap.severity())).reversed()
            .thenComparing(OpenGap::effectiveDate)
            .thenComparing(OpenGap::seatKey);

    private final ProjectRepository projects;
    private final AssignmentRepository assignments;
    private final OpenGapRepository openGaps;

    StaffingQueries(ProjectRepository projects, AssignmentRepository assignments, OpenGapRepository openGaps) {
        this.projects = projects;
        this.assignments = assignments;
        this.openGaps = openGaps;
    }

    @Transactional(readOnly = true)
    List<ProjectSummaryView> projects() {
        Map<String, Long> filled = assignments.findAll().stream()
                .collect(Collectors.groupingBy(Assignment::projectId, Collectors.counting()));
        Map<String, Long> gaps = openGaps.findAll().stream()
                .collect(Collectors.groupingBy(OpenGap::projectId, Collectors.counting()));
        return projects.findAll().stream()
                .sorted(Comparator.comparing(Project::id))
                .map(project -> new ProjectSummaryView(project.id(), project.name(), project.pool(),
                        project.priority(), project.closed(),
                        project.slots().stream().mapToInt(ProjectSlot::seats).sum(),
                        filled.getOrDefault(project.id(), 0L).intValue(),
                        gaps.getOrDefault(project.id(), 0L).intValue()))
                .toList();
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
                    gaps.stream().sorted(MOST_URGENT_FIRST).map(GapView::of).toList());
        });
    }

    @Transactional(readOnly = true)
    Optional<GapView> gapOf(String projectId, String slotId, int seat) {
        return openGaps.findById(projectId + "/" + slotId + "/" + seat).map(GapView::of);
    }

    @Transactional(readOnly = true)
    List<GapView> openGaps(GapFilter filter) {
        return openGaps.findAll().stream()
                .filter(filter::matches)
                .sorted(MOST_URGENT_FIRST)
                .map(GapView::of)
                .toList();
    }
}
