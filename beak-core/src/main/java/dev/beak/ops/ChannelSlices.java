package dev.beak.ops;

/** Copies of a block of channels out of, and back into, an (N, C, S) array (S = spatial size). */
final class ChannelSlices {
    private ChannelSlices() {}

    /** out (N, cg, S) := x[:, c0 : c0 + cg, :]. */
    static void gather(float[] x, int n, int c, int s, int c0, int cg, float[] out) {
        for (int i = 0; i < n; i++) System.arraycopy(x, (i * c + c0) * s, out, i * cg * s, cg * s);
    }

    /** x[:, c0 : c0 + cg, :] += src (N, cg, S). */
    static void scatterAdd(float[] src, int n, int c, int s, int c0, int cg, float[] x) {
        for (int i = 0; i < n; i++) {
            for (int j = 0, from = i * cg * s, to = (i * c + c0) * s; j < cg * s; j++) x[to + j] += src[from + j];
        }
    }
}
