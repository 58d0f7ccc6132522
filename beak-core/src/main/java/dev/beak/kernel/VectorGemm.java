package dev.beak.kernel;

import java.util.Arrays;

/**
 * The fast GEMM on the Vector API, organised like BLIS. Loops, outermost first, for one task
 * (a block of C from {@link Tiling}):
 * <pre>
 *   jc: NC columns of C   -  pc: KC deep slice of k; pack op(B)(pc, jc) as panels of NR columns
 *   ic: MC rows of C      -  pack op(A)(ic, pc) as panels of MR rows
 *   jr: one B panel (NR)  -  ir: one A panel (MR): MicroKernel.tile on an MR x NR tile of C
 * </pre>
 * Blocking (measured on Zen 5: 48 KiB L1d, 1 MiB L2 per core): one B panel (KC x NR = 256 x 32
 * floats, 32 KiB) stays in L1 while the ir-loop runs over the A block; the A block (MC x KC,
 * 128 KiB) stays in L2 for the whole jr-loop; the B block (KC x NC, 2 MiB) is read from L2/L3 once
 * per ic. Packing handles transposition and strides, so all four cases run the same kernel.
 *
 * <p>Edge tiles (m or n not a multiple of MR or NR) are computed in full from zero-padded panels
 * into a scratch tile and only the valid part is written back. With {@code accumulate == false}
 * the first k-slice overwrites C, so C is never read (it may hold garbage).
 */
final class VectorGemm implements Gemm {
    private static final int MR = MicroKernel.MR, NR = MicroKernel.NR;
    private static final int KC = 256;
    private static final int MC = 128 / MR * MR;
    private static final int NC = 2048 / NR * NR;

    /** Per-thread packing buffers, grown on demand and reused across calls. */
    private static final class Work {
        float[] a = new float[0], b = new float[0];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (m <= 0 || n <= 0) return;
        if (k <= 0) {
            if (!accumulate) for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            return;
        }
        if (m <= THIN_M && !transB && (long) n * k >= THIN_MIN_WORK) {
            thinA(transA, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            return;
        }
        if (m <= THIN_M && transB && !transA && (long) n * k >= THIN_MIN_WORK) {
            thinTransposedB(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            return;
        }
        tiled(transA, transB, m, n, k, a, aOff, lda, null, b, bOff, ldb, c, cOff, ldc, accumulate, Epilogue.NONE);
    }

    /**
     * Packs op(A) into the panels {@link #block} reads, all of them: k-slices of {@code KC} in turn, each
     * holding every row in panels of {@code MR} (zero-padded to whole panels), so the panel of rows
     * {@code ic..} in the slice starting at {@code pc} begins at {@code pc * roundUp(m, MR) + ic * kc}.
     */
    @Override
    public PackedA pack(boolean transA, int m, int k, float[] a, int aOff, int lda) {
        if (m <= THIN_M || k <= 0) return Gemm.super.pack(transA, m, k, a, aOff, lda);
        int rows = roundUp(m, MR);
        float[] panels = new float[Math.multiplyExact(rows, k)], slice = new float[rows * Math.min(KC, k)];
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            VectorPacking.packA(transA, a, aOff, lda, 0, m, pc, kc, MR, slice);
            System.arraycopy(slice, 0, panels, pc * rows, kc * rows);
        }
        return new PackedA(transA, m, k, a, aOff, lda, this, panels);
    }

    @Override
    public void gemm(PackedA a, boolean transB, int n, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(a, transB, n, b, bOff, ldb, c, cOff, ldc, accumulate, Epilogue.NONE);
    }

    /**
     * Packs op(B) into the panels {@link #block} reads, all of them: k-slices of {@code KC} in turn, each
     * holding every column in panels of {@code NR} (zero-padded to whole panels), so the panel of columns
     * {@code jc..} in the slice starting at {@code pc} begins at {@code pc * roundUp(n, NR) + jc * kc}.
     */
    @Override
    public PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        if (k <= 0 || n <= 0) return Gemm.super.packB(transB, k, n, b, bOff, ldb);
        int cols = roundUp(n, NR);
        float[] panels = new float[Math.multiplyExact(cols, k)];
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            VectorPacking.packB(transB, b, bOff, ldb, pc, kc, 0, n, NR, panels, pc * cols);
        }
        return new PackedB(transB, k, n, b, bOff, ldb, this, panels);
    }

    @Override
    public void gemm(PackedA a, PackedB b, float[] c, int cOff, int ldc, boolean accumulate) {
        if (a.k != b.k) throw new IllegalArgumentException("depths differ: " + a.k + " and " + b.k);
        if (a.m <= 0 || b.n <= 0 || a.k <= 0 || !a.packedFor(this) || !b.packedFor(this)) {
            Gemm.super.gemm(a, b, c, cOff, ldc, accumulate);
            return;
        }
        Tiling t = Tiling.of(a.m, b.n, a.k, MR, NR, Parallel.available());
        Parallel.forEach(t.tasks(), task -> block(a.transA, b.transB, t.rowStart(task), t.rowEnd(task),
                t.colStart(task), t.colEnd(task), a.k, a.a, a.aOff, a.lda, a, b, b.b, b.bOff, b.ldb, c, cOff, ldc,
                accumulate, Epilogue.NONE));
    }

    @Override
    public void gemm(PackedA a, boolean transB, int n, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate, Epilogue epilogue) {
        if (!a.packedFor(this) || n <= 0 || a.k <= 0) {
            Gemm.super.gemm(a, transB, n, b, bOff, ldb, c, cOff, ldc, accumulate, epilogue);
            return;
        }
        tiled(a.transA, transB, a.m, n, a.k, a.a, a.aOff, a.lda, a, b, bOff, ldb, c, cOff, ldc, accumulate, epilogue);
    }

    /** The blocked product split into tasks; A's panels come from {@code packed} when given, else are packed per block. */
    private static void tiled(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda, PackedA packed,
                              float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate, Epilogue epilogue) {
        Tiling t = Tiling.of(m, n, k, MR, NR, Parallel.available());
        Parallel.forEach(t.tasks(), task -> block(transA, transB, t.rowStart(task), t.rowEnd(task),
                t.colStart(task), t.colEnd(task), k, a, aOff, lda, packed, null, b, bOff, ldb, c, cOff, ldc, accumulate, epilogue));
    }

    /**
     * C[i0..i1, j0..j1] (+)= op(A)[i0..i1, :] * op(B)[:, j0..j1], the BLIS loop nest above; with
     * {@code packed}, A's panels are read from it, with {@code packedB} B's ({@code i0} and {@code j0}
     * are whole numbers of panels: {@link Tiling} splits in micro-tile units). Each tile gets
     * {@code epilogue} once its last k-slice is written.
     */
    private static void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                              float[] a, int aOff, int lda, PackedA packed, PackedB packedB, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc, boolean accumulate, Epilogue epilogue) {
        Work w = WORK.get();
        // Size the buffers for this block (panels are zero-padded to whole MR / NR).
        int kcMax = Math.min(KC, k);
        int ncMax = Math.min(NC, roundUp(j1 - j0, NR)), mcMax = Math.min(MC, roundUp(i1 - i0, MR));
        if (packedB == null && w.b.length < kcMax * ncMax) w.b = new float[kcMax * ncMax];
        if (packed == null && w.a.length < kcMax * mcMax) w.a = new float[kcMax * mcMax];
        float[] ap = w.a, bp = packedB == null ? w.b : packedB.panels;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                // The first k-slice overwrites C unless the caller accumulates.
                boolean overwrite = pc == 0 && !accumulate;
                Epilogue finish = pc + kc == k && !epilogue.none() ? epilogue : null;
                // B's panels for this slice and these columns, packed here or (packedB) long before.
                int bBase = 0;
                if (packedB == null) VectorPacking.packB(transB, b, bOff, ldb, pc, kc, jc, nc, NR, bp);
                else bBase = pc * roundUp(packedB.n, NR) + jc * kc;
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    float[] panels = ap;
                    int base = 0;
                    if (packed == null) {
                        VectorPacking.packA(transA, a, aOff, lda, ic, mc, pc, kc, MR, ap);
                    } else {
                        panels = packed.panels;
                        base = pc * roundUp(packed.m, MR) + ic * kc;
                    }
                    for (int jr = 0; jr < nc; jr += NR) {
                        int cols = Math.min(NR, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            int rows = Math.min(MR, mc - ir), ci = cOff + (ic + ir) * ldc + jc + jr;
                            if (rows == MR && cols == NR) {
                                MicroKernel.tile(kc, panels, base + ir * kc, bp, bBase + jr * kc, c, ci, ldc, overwrite);
                            } else {
                                edge(kc, panels, base + ir * kc, bp, bBase + jr * kc, c, ci, ldc, rows, cols, overwrite, w.tile);
                            }
                            if (finish != null) MicroKernel.finish(finish, c, ci, ldc, ic + ir, rows, cols);
                        }
                    }
                }
            }
        }
    }

    /** Rows of C up to which a product streams B once instead of packing it. */
    private static final int THIN_M = 8;
    /** Below this many elements of B the packed path is as good. */
    private static final long THIN_MIN_WORK = 1L << 16;
    /** Columns of C per task of the thin path: m rows of it stay in L1 while B streams past. */
    private static final int THIN_NC = 512;

    /**
     * C (+)= op(A) * B for a handful of rows (dense layers at batch 1-8, VGG16's 25088 x 4096 weight):
     * packing B would read and write every weight once more for only m multiply-adds each, so each
     * task takes a slice of columns and, for every p, adds {@code A(i, p) * B[p, slice]} to the m rows
     * of C, reading B exactly once.
     */
    private static void thinA(boolean transA, int m, int n, int k, float[] a, int aOff, int lda,
                              float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        int slices = (n + THIN_NC - 1) / THIN_NC;
        Parallel.forEach(slices, s -> {
            int j0 = s * THIN_NC, j1 = Math.min(n, j0 + THIN_NC), vEnd = j0 + (j1 - j0) / MicroKernel.L * MicroKernel.L;
            if (!accumulate) for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc + j0, cOff + i * ldc + j1, 0f);
            for (int p = 0; p < k; p++) {
                int bRow = bOff + p * ldb;
                for (int i = 0; i < m; i++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    int cRow = cOff + i * ldc;
                    MicroKernel.axpy(av, b, bRow, c, cRow, j0, vEnd);
                    for (int j = vEnd; j < j1; j++) c[cRow + j] += av * b[bRow + j];
                }
            }
        });
    }

    /** Rows of a transposed B (columns of C) per task of {@link #thinTransposedB}. */
    private static final int THIN_ROWS = 32;

    /**
     * C (+)= A * Bᵀ for a handful of rows, B stored (n, k): a dense layer with weights stored (Out, In),
     * as ONNX Gemm with transB and PyTorch's Linear keep them (AlexNet's 4096 x 9216 at batch 1). Each
     * C value is the dot product of a row of A and a row of B, and B's rows are contiguous, so every
     * weight is read once, in order, with no packing; the m rows of A stay in cache.
     */
    private static void thinTransposedB(int m, int n, int k, float[] a, int aOff, int lda,
                                        float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        Parallel.forEach((n + THIN_ROWS - 1) / THIN_ROWS, s -> {
            for (int j = s * THIN_ROWS, end = Math.min(n, j + THIN_ROWS); j < end; j++) {
                for (int i = 0; i < m; i++) {
                    float v = MicroKernel.dot(a, aOff + i * lda, b, bOff + j * ldb, k);
                    int ci = cOff + i * ldc + j;
                    c[ci] = accumulate ? c[ci] + v : v;
                }
            }
        });
    }

    /**
     * A partial tile: compute the tile into scratch (only its first vector of columns when the rest are
     * padding), write back its rows x cols corner.
     */
    private static void edge(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc,
                             int rows, int cols, boolean overwrite, float[] tile) {
        if (cols <= MicroKernel.L) MicroKernel.narrowTile(kc, ap, ai, bp, bi, tile, 0, NR);
        else MicroKernel.tile(kc, ap, ai, bp, bi, tile, 0, NR, true);
        for (int r = 0; r < rows; r++) {
            for (int j = 0, d = ci + r * ldc; j < cols; j++, d++) {
                c[d] = overwrite ? tile[r * NR + j] : c[d] + tile[r * NR + j];
            }
        }
    }

    private static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }
}
