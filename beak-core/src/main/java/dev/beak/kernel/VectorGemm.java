package dev.beak.kernel;

/** EXPERIMENTAL driver (variant selection by property while tuning). */
final class VectorGemm implements Gemm {
    static final int MR = Integer.getInteger("gemm.mr", 8);
    static final int NV = Integer.getInteger("gemm.nv", 2);
    static final int NR = NV * MicroKernels.L;
    static final int KC = Integer.getInteger("gemm.kc", 256);
    static final int MC = Integer.getInteger("gemm.mc", 96) / MR * MR;
    static final int NC = Integer.getInteger("gemm.nc", 2048) / NR * NR;

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
            if (!accumulate) for (int i = 0; i < m; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            return;
        }
        Tiling t = Tiling.of(m, n, k, MR, NR, Parallel.threads());
        Parallel.forEach(t.tasks(), task -> block(transA, transB, t.rowStart(task), t.rowEnd(task),
                t.colStart(task), t.colEnd(task), k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate));
    }

    private static void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc, boolean accumulate) {
        Work w = WORK.get();
        int kcMax = Math.min(KC, k);
        int ncMax = Math.min(NC, roundUp(j1 - j0, NR)), mcMax = Math.min(MC, roundUp(i1 - i0, MR));
        if (w.b.length < kcMax * ncMax) w.b = new float[kcMax * ncMax];
        if (w.a.length < kcMax * mcMax) w.a = new float[kcMax * mcMax];
        float[] ap = w.a, bp = w.b, tile = w.tile;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean ow = pc == 0 && !accumulate;
                Packing.packB(transB, b, bOff, ldb, pc, kc, jc, nc, NR, bp);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    Packing.packA(transA, a, aOff, lda, ic, mc, pc, kc, MR, ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int cols = Math.min(NR, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            int rows = Math.min(MR, mc - ir);
                            int ci = cOff + (ic + ir) * ldc + jc + jr;
                            if (rows == MR && cols == NR) {
                                kernel(kc, ap, ir * kc, bp, jr * kc, c, ci, ldc, ow);
                            } else {
                                kernel(kc, ap, ir * kc, bp, jr * kc, tile, 0, NR, true);
                                for (int r = 0; r < rows; r++) {
                                    for (int j = 0; j < cols; j++) {
                                        int d = ci + r * ldc + j;
                                        c[d] = ow ? tile[r * NR + j] : c[d] + tile[r * NR + j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void kernel(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        switch (MR * 10 + NV) {
            case 42 -> MicroKernels.k4x2(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 62 -> MicroKernels.k6x2(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 82 -> MicroKernels.k8x2(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 122 -> MicroKernels.k12x2(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 142 -> MicroKernels.k14x2(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 43 -> MicroKernels.k4x3(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 63 -> MicroKernels.k6x3(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 83 -> MicroKernels.k8x3(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 44 -> MicroKernels.k4x4(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            case 64 -> MicroKernels.k6x4(kc, ap, ai, bp, bi, c, ci, ldc, ow);
            default -> throw new IllegalStateException();
        }
    }

    private static int roundUp(int x, int u) {
        return (x + u - 1) / u * u;
    }
}
