package dev.staffing.assignment.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The board's snapshot: every open gap and the counts per persona, in one answer. */
@RestController
@Tag(name = "Board", description = "The live gap board's data: the open gaps at once, then each gap alert as it comes")
class BoardController {

    private final BoardQueries queries;

    BoardController(BoardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/board/gaps")
    @Operation(summary = "Every open gap, most urgent first, with the counts per persona by severity, in one answer")
    @ApiResponse(responseCode = "200", description = "The board's snapshot, read in one transaction; personas in "
            + "the board's order (a critical persona with critical gaps first, then the most severe, then the most gaps)")
    BoardSnapshot gaps() {
        return queries.snapshot();
    }
}
