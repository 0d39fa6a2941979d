package dev.staffing.assignment.api;

import java.time.LocalDate;
import java.util.List;

/** A project's seats, who fills them, and its open gaps. */
record ProjectStaffingView(String id, String name, String pool, int priority, LocalDate startDate, LocalDate endDate,
        boolean closed, List<SlotView> slots, List<GapView> openGaps) {

    record SlotView(String slotId, String persona, double allocation, List<String> requiredSkills,
            String minSeniority, List<SeatView> seats) {
    }

    /** One seat: who fills it (employeeId) or, when empty, its gap. */
    record SeatView(int seat, String employeeId, GapView gap) {
    }
}
