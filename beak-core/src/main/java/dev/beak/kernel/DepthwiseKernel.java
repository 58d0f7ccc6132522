package dev.beak.kernel;

import dev.beak.ops.Window2d;

/**
 * The forward pass of a depthwise convolution for inference, one pass over the output plane. An
 * input plane is copied once, zero-padded, into {@code sH * sW} phase planes (phase (qr, qc) holds
 * the padded pixels at rows {@code r * sH + qr} and columns {@code c * sW + qc}), all with the same
 * row length {@code wq}. In phase coordinates every tap (i, j) reads one phase plane at a fixed
 * offset, so the whole output plane, kept with rows of length {@code wq}, is a run of {@code oH * wq}
 * values each summing {@code w[i][j] * plane} over the taps ({@link ElementwiseKernel#taps}, the sum
 * kept in a register across the taps): no bounds tests, no strided loads, long vectors even for
 * 7 x 7 maps. The columns past {@code oW} are scratch and dropped.
 * Taps are added in the same order, with the same multiply-then-add, as the direct loops, so the
 * results are equal bit for bit.
 */
public final class DepthwiseKernel {
    private DepthwiseKernel() {}

    private static final class Work {
        float[] planes = new float[0], out = new float[0];
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    /**
     * Whether the phase planes stay small beside the input and output planes (at most four times their
     * size and a page): a huge dilation or padding would make them enormous, and the direct loops,
     * which allocate nothing, take such layers.
     */
    public static boolean fits(Window2d g) {
        long rows = (long) (g.oH() - 1) * g.strideH() + (long) (g.kH() - 1) * g.dilationH() + 1;
        long cols = (long) (g.oW() - 1) * g.strideW() + (long) (g.kW() - 1) * g.dilationW() + 1;
        long planes = (rows + g.strideH()) * (cols + g.strideW()) + (long) (g.kW() - 1) * g.dilationW() + g.strideH() * (long) g.strideW();
        return planes <= 4L * ((long) g.h() * g.w() + (long) g.oH() * g.oW()) + 4096;
    }

    /** y (N, F, oH, oW) := bias + depthwise conv of x (N, C, H, W) with w (F, 1, kH, kW); C divides F; {@link #fits}. */
    public static void forward(float[] x, float[] w, float[] bias, Window2d g, int f, float[] y) {
        Geometry geo = new Geometry(g);
        int c = g.c(), mult = f / c;
        ElementwiseKernel ops = Kernels.elementwise();
        Parallel.forRange(g.n() * c, (from, to) -> {
            Work work = WORK.get();
            if (work.planes.length < geo.phases * geo.planeSize) work.planes = new float[geo.phases * geo.planeSize];
            if (work.out.length < geo.outSize) work.out = new float[geo.outSize];
            for (int nc = from; nc < to; nc++) {
                geo.split(x, nc * g.h() * g.w(), work.planes);
                for (int m = 0; m < mult; m++) {
                    int o = nc % c * mult + m;
                    geo.plane(ops, work.planes, w, o, bias == null ? 0f : bias[o], work.out);
                    int yBase = (nc / c * f + o) * g.oH() * g.oW();
                    for (int oy = 0; oy < g.oH(); oy++) System.arraycopy(work.out, oy * geo.wq, y, yBase + oy * g.oW(), g.oW());
                }
            }
        });
    }

    /** The phase planes' layout for one window geometry. */
    private static final class Geometry {
        final Window2d g;
        final int sH, sW, hq, wq, phases, planeSize, outSize;
        final int[] tapOffsets;

        Geometry(Window2d g) {
            this.g = g;
            sH = g.strideH();
            sW = g.strideW();
            int rows = (g.oH() - 1) * sH + (g.kH() - 1) * g.dilationH() + 1, cols = (g.oW() - 1) * sW + (g.kW() - 1) * g.dilationW() + 1;
            hq = (rows + sH - 1) / sH;
            wq = (cols + sW - 1) / sW;
            phases = sH * sW;
            // One spare row and the widest column shift: the scratch columns past oW read beyond the last row.
            planeSize = (hq + 1) * wq + (g.kW() - 1) * g.dilationW() / sW + 1;
            outSize = g.oH() * wq;
            // In phase coordinates tap (i, j) reads one phase plane at a fixed offset; taps in the direct loops' order.
            tapOffsets = new int[g.kH() * g.kW()];
            for (int i = 0; i < g.kH(); i++) {
                int dy = i * g.dilationH(), qr = dy % sH, shiftR = dy / sH;
                for (int j = 0; j < g.kW(); j++) {
                    int dx = j * g.dilationW(), qc = dx % sW, shiftC = dx / sW;
                    tapOffsets[i * g.kW() + j] = (qr * sW + qc) * planeSize + shiftR * wq + shiftC;
                }
            }
        }

        /** Copies input plane x[base ..] (H x W) into the zero-padded phase planes. */
        void split(float[] x, int base, float[] planes) {
            int h = g.h(), w = g.w(), top = g.padTop(), left = g.padLeft();
            java.util.Arrays.fill(planes, 0, phases * planeSize, 0f);
            for (int qr = 0; qr < sH; qr++) {
                for (int qc = 0; qc < sW; qc++) {
                    int plane = (qr * sW + qc) * planeSize;
                    // Phase columns whose input column xq * sW + qc - left lies in [0, w).
                    int lo = Math.max(0, Math.floorDiv(left - qc + sW - 1, sW)), hi = Math.min(wq, Math.floorDiv(w - 1 + left - qc, sW) + 1);
                    for (int r = 0; r < hq; r++) {
                        int iy = r * sH + qr - top;
                        if (iy < 0 || iy >= h || lo >= hi) continue;
                        int src = base + iy * w + lo * sW + qc - left, dst = plane + r * wq;
                        if (sW == 1) {
                            System.arraycopy(x, src, planes, dst + lo, hi - lo);
                        } else {
                            for (int xq = lo; xq < hi; xq++, src += sW) planes[dst + xq] = x[src];
                        }
                    }
                }
            }
        }

        /** out (oH x wq) := bias + the taps of filter o over the phase planes, summed in registers. */
        void plane(ElementwiseKernel ops, float[] planes, float[] w, int o, float bias, float[] out) {
            ops.taps(bias, w, o * g.kH() * g.kW(), planes, tapOffsets, out, 0, 0, outSize);
        }
    }
}
