package dev.beak.kernel;

/**
 * Splits C (m x n) into a grid of independent tasks for {@link Parallel#forEach}: each task owns a
 * block of rows and columns of C and runs a whole blocked GEMM on it with its own packing buffers.
 *
 * <p>The larger dimension is split first (N for wide outputs, so each task packs only its slice of
 * B; M for tall ones), in whole micro-tile units so only the last block has edges. The other
 * dimension is split too when the first gives fewer blocks than threads. A few tasks per thread
 * even out the load on a busy machine; tiny products stay on one thread.
 */
final class Tiling {
    /** Below this many multiply-adds a product runs on the calling thread alone. */
    private static final long SERIAL_WORK = 1L << 16;
    /** Tasks per thread, for load balance against the cost of re-packing shared operands. */
    private static final int TASKS_PER_THREAD = 2;

    final int tilesM, tilesN;
    private final int m, n, unitM, unitN;

    private Tiling(int m, int n, int unitM, int unitN, int tilesM, int tilesN) {
        this.m = m;
        this.n = n;
        this.unitM = unitM;
        this.unitN = unitN;
        this.tilesM = tilesM;
        this.tilesN = tilesN;
    }

    /** A grid for an (m x n) output computed in (mr x nr) micro-tiles with a k-deep sum. */
    static Tiling of(int m, int n, int k, int mr, int nr, int threads) {
        if (threads <= 1 || (long) m * n * k < SERIAL_WORK) return new Tiling(m, n, m, n, 1, 1);
        int panelsM = (m + mr - 1) / mr, panelsN = (n + nr - 1) / nr;
        int target = threads * TASKS_PER_THREAD;
        int tm, tn;
        if (n >= m) {
            tn = Math.min(panelsN, target);
            tm = Math.min(panelsM, (threads + tn - 1) / tn);
        } else {
            tm = Math.min(panelsM, target);
            tn = Math.min(panelsN, (threads + tm - 1) / tm);
        }
        // Round the block sizes up to whole panels, then recount the blocks that remain non-empty.
        int um = (panelsM + tm - 1) / tm * mr, un = (panelsN + tn - 1) / tn * nr;
        return new Tiling(m, n, um, un, (m + um - 1) / um, (n + un - 1) / un);
    }

    int tasks() {
        return tilesM * tilesN;
    }

    int rowStart(int task) {
        return task / tilesN * unitM;
    }

    int rowEnd(int task) {
        return Math.min(m, rowStart(task) + unitM);
    }

    int colStart(int task) {
        return task % tilesN * unitN;
    }

    int colEnd(int task) {
        return Math.min(n, colStart(task) + unitN);
    }
}
