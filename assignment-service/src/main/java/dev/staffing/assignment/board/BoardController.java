package dev.staffing.assignment.board;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The board's snapshot: every open gap and the counts per persona, in one answer. */
@RestController
class BoardController {

    private final BoardQueries queries;

    BoardController(BoardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/board/gaps")
    BoardSnapshot gaps() {
        return queries.snapshot();
    }
}
