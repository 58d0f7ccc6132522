package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WinogradTransforms} on the Vector API: the scalar code's arithmetic with a tile per lane,
 * a vector of adjacent tiles at a time (the split plane makes each of a tile's four input columns a
 * contiguous vector over tiles).
 *
 * <p>No masks: C2 left masked loads and stores whose mask was not a compile-time shape to the
 * Java fallback (ten times slower). A short last vector instead reads a few floats past the run
 * (the callers' arrays have that slack) and writes lanes past it where the caller allows
 * ({@code room}); otherwise it goes through a small buffer.
 */
final class VectorWinogradTransforms implements WinogradTransforms {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ThreadLocal<float[]> TAIL = ThreadLocal.withInitial(() -> new float[16 * L]);

    @Override
    public void input(float[] p, int row, int half, int tx0, int len, float[] v, int vOff, int step, int room) {
        for (int i = 0; i < 4; i++) inputRow(p, row, half, tx0, len, v, vOff, step, room, i);
    }

    /**
     * Row i of V (entries ξ = 4i .. 4i+3) for the run: row i of Bᵀ d is input row {@code A_ROW[i]}
     * plus {@code SIGN[i]} times row {@code B_ROW[i]} (an exact fma), then the same on columns.
     * One output row a call: with all 16 in one loop body, C2 reached its node limit while inlining
     * the vector operations and left the last ones boxed (a gigabyte of garbage a second in
     * ResNet-18 training, and several times slower).
     */
    private static void inputRow(float[] p, int row, int half, int tx0, int len, float[] v, int vOff, int step, int room, int i) {
        int rs = 2 * half, ra = row + A_ROW[i] * rs, rb = row + B_ROW[i] * rs;
        FloatVector sign = FloatVector.broadcast(S, SIGN[i]);
        for (int j = 0; j < len; j += L) {
            int e = tx0 + j, o = e + half;
            FloatVector e0 = load(p, rb + e).fma(sign, load(p, ra + e)), e1 = load(p, rb + o).fma(sign, load(p, ra + o));
            FloatVector e2 = load(p, rb + e + 1).fma(sign, load(p, ra + e + 1)), e3 = load(p, rb + o + 1).fma(sign, load(p, ra + o + 1));
            // Whole vector into v, or (no room for the spill) into the buffer, then the valid lanes over.
            boolean direct = j + L <= room;
            float[] dst = direct ? v : TAIL.get();
            int at = direct ? vOff + j : 0, st = direct ? step : L;
            columns(dst, st, at - (direct ? 0 : 4 * i * L), i, e0, e1, e2, e3);
            if (!direct) {
                for (int xi = 4 * i; xi < 4 * i + 4; xi++) System.arraycopy(dst, (xi - 4 * i) * L, v, xi * step + vOff + j, Math.min(L, len - j));
            }
        }
    }

    /** Rows of Bᵀ d: e_i = d[A_ROW[i]] + SIGN[i] * d[B_ROW[i]], i.e. d0 - d2, d1 + d2, d2 - d1, d1 - d3. */
    private static final int[] A_ROW = {0, 1, 2, 1}, B_ROW = {2, 2, 1, 3};
    private static final float[] SIGN = {-1f, 1f, -1f, -1f};

    private static FloatVector load(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    private static void columns(float[] v, int step, int at, int i, FloatVector e0, FloatVector e1, FloatVector e2, FloatVector e3) {
        e0.sub(e2).intoArray(v, (4 * i) * step + at);
        e1.add(e2).intoArray(v, (4 * i + 1) * step + at);
        e2.sub(e1).intoArray(v, (4 * i + 2) * step + at);
        e1.sub(e3).intoArray(v, (4 * i + 3) * step + at);
    }

    @Override
    public void output(float[] m, int mOff, int ms, int len, float bias, float[] out, int stride) {
        FloatVector b = FloatVector.broadcast(S, bias);
        // Rows of out are written in order, so a last vector's extra lanes land where a later row
        // (or the slack after the last) is written next.
        for (int j = 0; j < len; j += L) {
            int q = mOff + j;
            FloatVector s4 = load(m, 4 * ms + q), s5 = load(m, 5 * ms + q), s6 = load(m, 6 * ms + q);
            FloatVector s7 = load(m, 7 * ms + q), s8 = load(m, 8 * ms + q), s9 = load(m, 9 * ms + q);
            FloatVector s10 = load(m, 10 * ms + q), s11 = load(m, 11 * ms + q);
            FloatVector a00 = load(m, q).add(s4).add(s8), a01 = load(m, ms + q).add(s5).add(s9);
            FloatVector a02 = load(m, 2 * ms + q).add(s6).add(s10), a03 = load(m, 3 * ms + q).add(s7).add(s11);
            FloatVector a10 = s4.sub(s8).sub(load(m, 12 * ms + q)), a11 = s5.sub(s9).sub(load(m, 13 * ms + q));
            FloatVector a12 = s6.sub(s10).sub(load(m, 14 * ms + q)), a13 = s7.sub(s11).sub(load(m, 15 * ms + q));
            a00.add(a01).add(a02).add(b).intoArray(out, j);
            a01.sub(a02).sub(a03).add(b).intoArray(out, stride + j);
            a10.add(a11).add(a12).add(b).intoArray(out, 2 * stride + j);
            a11.sub(a12).sub(a13).add(b).intoArray(out, 3 * stride + j);
        }
    }

    @Override
    public void inputChannels(float[] s, int at, int rowStride, int colStride, int channels,
                              float[] v, int vAt, int step, int panel, int nr) {
        for (int i = 0; i < 4; i++) inputChannelsRow(s, at, rowStride, colStride, channels, v, vAt, step, panel, nr, i);
    }

    /** Row i of V for {@link #inputChannels}, one output row a call for the reason given at {@link #inputRow}. */
    private static void inputChannelsRow(float[] s, int at, int rowStride, int colStride, int channels,
                                         float[] v, int vAt, int step, int panel, int nr, int i) {
        int c1 = colStride, c2 = 2 * colStride, c3 = 3 * colStride;
        FloatVector sign = FloatVector.broadcast(S, SIGN[i]);
        for (int ch = 0; ch < channels; ch += L) {
            int ra = at + ch + A_ROW[i] * rowStride, rb = at + ch + B_ROW[i] * rowStride;
            FloatVector e0 = load(s, rb).fma(sign, load(s, ra)), e1 = load(s, rb + c1).fma(sign, load(s, ra + c1));
            FloatVector e2 = load(s, rb + c2).fma(sign, load(s, ra + c2)), e3 = load(s, rb + c3).fma(sign, load(s, ra + c3));
            columns(v, step, vAt + ch / nr * panel + ch % nr, i, e0, e1, e2, e3);
        }
    }

    @Override
    public void gradientChannels(float[] s, int at, int rowStride, int colStride, int channels,
                                 float[] m, int mAt, int step, int panel, int nr) {
        for (int ch = 0; ch < channels; ch += L) {
            int r0 = at + ch, r1 = r0 + rowStride;
            FloatVector y00 = load(s, r0), y01 = load(s, r0 + colStride), y10 = load(s, r1), y11 = load(s, r1 + colStride);
            int dst = mAt + ch / nr * panel + ch % nr;
            // Rows of A dY (A = [1 0; 1 1; 1 -1; 0 -1]), then the same on columns.
            gradientRow(m, step, dst, 0, y00, y01);
            gradientRow(m, step, dst, 1, y00.add(y10), y01.add(y11));
            gradientRow(m, step, dst, 2, y00.sub(y10), y01.sub(y11));
            gradientRow(m, step, dst, 3, y10.neg(), y11.neg());
        }
    }

    /** Row i of dM = (A dY) Aᵀ from row i of A dY: entries ξ = 4i .. 4i+3. */
    private static void gradientRow(float[] m, int step, int at, int i, FloatVector t0, FloatVector t1) {
        t0.intoArray(m, (4 * i) * step + at);
        t0.add(t1).intoArray(m, (4 * i + 1) * step + at);
        t0.sub(t1).intoArray(m, (4 * i + 2) * step + at);
        t1.neg().intoArray(m, (4 * i + 3) * step + at);
    }

    /** 16 x 16 blocks in registers ({@link Transpose16}, 16-lane vectors only), the edges a value at a time. */
    @Override
    public void channelsLast(float[] src, int so, int ld, int channels, int count, float[] dst, int d, int ds) {
        int chWhole = Transpose16.SUPPORTED ? channels / 16 * 16 : 0, jWhole = Transpose16.SUPPORTED ? count / 16 * 16 : 0;
        for (int ch = 0; ch < chWhole; ch += 16) {
            for (int j = 0; j < jWhole; j += 16) Transpose16.block(src, so + ch * ld + j, ld, dst, d + j * ds + ch, ds);
            for (int r = ch; r < ch + 16; r++) {
                for (int j = jWhole, to = d + jWhole * ds + r; j < count; j++, to += ds) dst[to] = src[so + r * ld + j];
            }
        }
        for (int ch = chWhole; ch < channels; ch++) {
            for (int j = 0, to = d + ch; j < count; j++, to += ds) dst[to] = src[so + ch * ld + j];
        }
    }
}
