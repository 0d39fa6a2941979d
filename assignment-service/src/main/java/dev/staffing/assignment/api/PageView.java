package dev.staffing.assignment.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a list answer: its items, which page of what size it is, and how many items and pages the
 * whole filtered list has.
 */
@Schema(description = "One page of a filtered list, in the list's stable order")
record PageView<T>(
        @Schema(description = "The items of this page; empty past the last page") List<T> items,
        @Schema(description = "The page number, 0-based", example = "0") int page,
        @Schema(description = "The page size asked for", example = "50") int size,
        @Schema(description = "How many items the whole filtered list has", example = "123") long totalItems,
        @Schema(description = "How many pages of this size the whole filtered list has", example = "3")
        int totalPages) {

    static <T> PageView<T> of(List<T> items, PageRequest request, long totalItems) {
        return new PageView<>(List.copyOf(items), request.page(), request.size(), totalItems,
                (int) ((totalItems + request.size() - 1) / request.size()));
    }
}
