/**
 * The live gap board for staffing managers and dashboards: the board page at {@code /}, its snapshot of the
 * open gaps ({@code GET /api/board/gaps}, from the database) and the gap-alert stream
 * ({@code GET /api/gaps/stream}, server-sent events fed from the gap-alert topic by a broadcast consumer on
 * every instance, so that each instance streams every alert whichever instance decided its pool).
 */
package dev.staffing.assignment.board;
