package dev.beak.examples.board;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Positions of "four in a row" on an open {@code size x size} board (stones go on any empty point; four
 * of one colour in a line, across, down or diagonal, win) and their exactly right move by a two-ply search:
 * a move that wins at once, or else the only point where the opponent would win next. Positions where
 * that search does not name exactly one point (no threat at all, several winning points, or a double
 * threat that cannot be stopped) are not kept, so every label is certain.
 */
public final class FourInARow {
    static final int EMPTY = 0, OWN = 1, OPPONENT = 2;
    private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

    private final int size;

    public FourInARow(int size) {
        if (size < 4) throw new IllegalArgumentException("a four-in-a-row board needs at least 4 x 4 points, got " + size);
        this.size = size;
    }

    /** A position (row-major: EMPTY, OWN for the side to move, OPPONENT) and the point to play. */
    public record Position(int[] board, int move) {}

    /** Points where {@code colour} would complete four in a row. */
    List<Integer> winningPoints(int[] board, int colour) {
        List<Integer> points = new ArrayList<>();
        for (int p = 0; p < board.length; p++) {
            if (board[p] != EMPTY) continue;
            board[p] = colour;
            if (fourThrough(board, p)) points.add(p);
            board[p] = EMPTY;
        }
        return points;
    }

    /** The exactly right move of the side to move (OWN), or -1 when the two-ply search does not name exactly one. */
    int bestMove(int[] board) {
        List<Integer> wins = winningPoints(board, OWN);
        if (!wins.isEmpty()) return wins.size() == 1 ? wins.getFirst() : -1;
        List<Integer> threats = winningPoints(board, OPPONENT);
        return threats.size() == 1 ? threats.getFirst() : -1;
    }

    /** Whether the stone at {@code p} is part of four in a row. */
    boolean fourThrough(int[] board, int p) {
        int r = p / size, c = p % size, colour = board[p];
        for (int[] d : DIRECTIONS) {
            int run = 1;
            for (int sign = -1; sign <= 1; sign += 2) {
                for (int k = 1; k < 4; k++) {
                    int rr = r + sign * k * d[0], cc = c + sign * k * d[1];
                    if (rr < 0 || rr >= size || cc < 0 || cc >= size || board[rr * size + cc] != colour) break;
                    run++;
                }
            }
            if (run >= 4) return true;
        }
        return false;
    }

    /**
     * {@code count} labelled positions: three stones of one colour are laid on a random line of four (so
     * that a threat exists), then {@code 4..stones} stones of each colour at random; the search labels it.
     */
    public List<Position> positions(int count, int stones, SplittableRandom rng) {
        List<Position> out = new ArrayList<>();
        while (out.size() < count) {
            int[] board = new int[size * size];
            int colour = rng.nextBoolean() ? OWN : OPPONENT, dir = rng.nextInt(4), gap = rng.nextInt(4);
            int[] d = DIRECTIONS[dir];
            int r0 = rng.nextInt(size), c0 = rng.nextInt(size);
            int r3 = r0 + 3 * d[0], c3 = c0 + 3 * d[1];
            if (r3 < 0 || r3 >= size || c3 < 0 || c3 >= size) continue;
            for (int k = 0; k < 4; k++) if (k != gap) board[(r0 + k * d[0]) * size + c0 + k * d[1]] = colour;
            int own = 4 + rng.nextInt(stones - 3), opp = 4 + rng.nextInt(stones - 3);
            boolean ok = scatter(board, OWN, own - (colour == OWN ? 3 : 0), rng) && scatter(board, OPPONENT, opp - (colour == OPPONENT ? 3 : 0), rng);
            if (!ok || anyFour(board)) continue;
            int move = bestMove(board);
            if (move >= 0) out.add(new Position(board, move));
        }
        return out;
    }

    private boolean scatter(int[] board, int colour, int n, SplittableRandom rng) {
        for (int i = 0, tries = 0; i < n; tries++) {
            if (tries > 10 * board.length) return false;
            int p = rng.nextInt(board.length);
            if (board[p] == EMPTY) { board[p] = colour; i++; }
        }
        return true;
    }

    private boolean anyFour(int[] board) {
        for (int p = 0; p < board.length; p++) if (board[p] != EMPTY && fourThrough(board, p)) return true;
        return false;
    }
}
