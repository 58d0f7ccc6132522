package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Interleave} on the Vector API, L pairs at a time by lane permutations and blends (one
 * permute per vector on AVX-512), the last pairs of a run by the scalar loop: no masked memory
 * access, which C2 left to a slow fallback.
 */
final class VectorInterleave implements Interleave {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    // EVEN puts lane 2l mod L in lane l, ODD lane 2l + 1 mod L: from two loads, the low half from the
    // first and the high half (HIGH) from the second. LOW and UP put lane l / 2, and L / 2 + l / 2, in
    // lane l: zipped, a fills the even lanes and b the odd ones (ODD_LANES).
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, l -> 2 * l % L);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, l -> (2 * l + 1) % L);
    private static final VectorShuffle<Float> LOW = VectorShuffle.fromOp(S, l -> l / 2);
    private static final VectorShuffle<Float> UP = VectorShuffle.fromOp(S, l -> L / 2 + l / 2);
    private static final VectorMask<Float> HIGH = mask(l -> l >= L / 2), ODD_LANES = mask(l -> l % 2 == 1);
    private static final ScalarInterleave TAIL = new ScalarInterleave();

    private static VectorMask<Float> mask(java.util.function.IntPredicate lane) {
        boolean[] m = new boolean[L];
        for (int l = 0; l < L; l++) m[l] = lane.test(l);
        return VectorMask.fromArray(S, m, 0);
    }

    @Override
    public void split(float[] x, int src, int count, float[] dst, int even, int odd) {
        int k = 0;
        for (; k + L <= count; k += L) {
            FloatVector lo = FloatVector.fromArray(S, x, src + 2 * k), hi = FloatVector.fromArray(S, x, src + 2 * k + L);
            even(lo, hi).intoArray(dst, even + k);
            odd(lo, hi).intoArray(dst, odd + k);
        }
        TAIL.split(x, src + 2 * k, count - k, dst, even + k, odd + k);
    }

    @Override
    public void zip(float[] a, int ai, float[] b, int bi, int count, float[] y, int at, boolean accumulate) {
        int j = 0;
        for (; j + L <= count; j += L) {
            FloatVector va = FloatVector.fromArray(S, a, ai + j), vb = FloatVector.fromArray(S, b, bi + j);
            FloatVector lo = zipLow(va, vb), hi = zipHigh(va, vb);
            int o = at + 2 * j;
            if (accumulate) {
                lo = lo.add(FloatVector.fromArray(S, y, o));
                hi = hi.add(FloatVector.fromArray(S, y, o + L));
            }
            lo.intoArray(y, o);
            hi.intoArray(y, o + L);
        }
        TAIL.zip(a, ai + j, b, bi + j, count - j, y, at + 2 * j, accumulate);
    }

    /** Lanes 0, 2, 4, ... of lo, then of hi: the even elements of the 2L floats lo, hi. */
    static FloatVector even(FloatVector lo, FloatVector hi) {
        return lo.rearrange(EVEN).blend(hi.rearrange(EVEN), HIGH);
    }

    /** Lanes 1, 3, 5, ... of lo, then of hi: the odd elements. */
    static FloatVector odd(FloatVector lo, FloatVector hi) {
        return lo.rearrange(ODD).blend(hi.rearrange(ODD), HIGH);
    }

    /** The first L/2 lanes of a and b, alternating: a0 b0 a1 b1 ... */
    static FloatVector zipLow(FloatVector a, FloatVector b) {
        return a.rearrange(LOW).blend(b.rearrange(LOW), ODD_LANES);
    }

    /** The last L/2 lanes of a and b, alternating. */
    static FloatVector zipHigh(FloatVector a, FloatVector b) {
        return a.rearrange(UP).blend(b.rearrange(UP), ODD_LANES);
    }
}
