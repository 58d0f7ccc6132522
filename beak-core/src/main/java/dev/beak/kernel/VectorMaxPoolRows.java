package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MaxPoolRows} on the Vector API, L adjacent windows at a time. Lane k's inputs in a row
 * are columns 2k, 2k + 1 and 2k + 2: the even and the odd lanes of two loads give the first two
 * ({@link VectorInterleave}'s lane moves), the odd lanes of two loads one column on the third. Winners are blended from the last candidate
 * to the first, so the first that hits stays. They are offsets, whole numbers that floats hold
 * exactly, so the float compares' masks blend them directly; one conversion per vector makes them
 * indices.
 *
 * <p>A run shorter than a vector goes to the scalar loop; a longer one ends with a vector that
 * overlaps the one before (it writes the same values again): no masks, and no read past the last
 * input the run covers. The two steps are separate methods: as one, C2 stopped inlining the vector
 * calls at its node limit and the loop ran on boxed vectors, no faster than the scalar code.
 */
final class VectorMaxPoolRows implements MaxPoolRows {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    // Lane l's offset 2l + j for input j of its window row.
    private static final FloatVector J0 = columns(0), J1 = columns(1), J2 = columns(2);
    private static final ScalarMaxPoolRows SHORT = new ScalarMaxPoolRows();

    private static FloatVector columns(int j) {
        float[] a = new float[L];
        for (int l = 0; l < L; l++) a[l] = 2 * l + j;
        return FloatVector.fromArray(S, a, 0);
    }

    @Override
    public void rowMaxima(float[] x, int s, int len, float[] m, float[] w, int at) {
        if (len < L) {
            SHORT.rowMaxima(x, s, len, m, w, at);
            return;
        }
        for (int k = 0; k < len; k += L) {
            int kk = Math.min(k, len - L), i = s + 2 * kk;
            FloatVector lo = FloatVector.fromArray(S, x, i), hi = FloatVector.fromArray(S, x, i + L);
            FloatVector v0 = VectorInterleave.even(lo, hi), v1 = VectorInterleave.odd(lo, hi);
            FloatVector v2 = VectorInterleave.odd(FloatVector.fromArray(S, x, i + 1), FloatVector.fromArray(S, x, i + 1 + L)), max = v0.max(v1).max(v2);
            max.intoArray(m, at + kk);
            J2.blend(J1, hit(v1, max)).blend(J0, hit(v0, max)).add(2 * kk).intoArray(w, at + kk);
        }
    }

    @Override
    public void windows(float[] m, float[] w, int a, int b, int e, int db, int de, int len, int base, float[] y, int[] argmax, int o) {
        if (len < L) {
            SHORT.windows(m, w, a, b, e, db, de, len, base, y, argmax, o);
            return;
        }
        for (int k = 0; k < len; k += L) {
            int kk = Math.min(k, len - L);
            FloatVector ma = FloatVector.fromArray(S, m, a + kk), mb = FloatVector.fromArray(S, m, b + kk);
            FloatVector max = ma.max(mb).max(FloatVector.fromArray(S, m, e + kk));
            // Offsets stay below 2^24 (three rows), exact in a float.
            FloatVector wb = FloatVector.fromArray(S, w, b + kk).add(db), we = FloatVector.fromArray(S, w, e + kk).add(de);
            FloatVector win = we.blend(wb, hit(mb, max)).blend(FloatVector.fromArray(S, w, a + kk), hit(ma, max));
            max.intoArray(y, o + kk);
            win.convert(VectorOperators.F2I, 0).reinterpretAsInts().add(base).intoArray(argmax, o + kk);
        }
    }

    @Override
    public void rowMaximaValues(float[] x, int s, int len, float[] m, int at) {
        if (len < L) {
            SHORT.rowMaximaValues(x, s, len, m, at);
            return;
        }
        for (int k = 0; k < len; k += L) {
            int kk = Math.min(k, len - L), i = s + 2 * kk;
            FloatVector lo = FloatVector.fromArray(S, x, i), hi = FloatVector.fromArray(S, x, i + L);
            FloatVector v2 = VectorInterleave.odd(FloatVector.fromArray(S, x, i + 1), FloatVector.fromArray(S, x, i + 1 + L));
            VectorInterleave.even(lo, hi).max(VectorInterleave.odd(lo, hi)).max(v2).intoArray(m, at + kk);
        }
    }

    @Override
    public void windowsValues(float[] m, int a, int b, int e, int len, float[] y, int o) {
        if (len < L) {
            SHORT.windowsValues(m, a, b, e, len, y, o);
            return;
        }
        for (int k = 0; k < len; k += L) {
            int kk = Math.min(k, len - L);
            FloatVector.fromArray(S, m, a + kk).max(FloatVector.fromArray(S, m, b + kk)).max(FloatVector.fromArray(S, m, e + kk))
                    .intoArray(y, o + kk);
        }
    }

    /** Lanes where v is the maximum m (±0 equal) or NaN (then m is NaN too). */
    private static VectorMask<Float> hit(FloatVector v, FloatVector m) {
        return v.compare(VectorOperators.EQ, m).or(v.compare(VectorOperators.NE, v));
    }
}
