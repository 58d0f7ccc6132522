package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * An in-register transpose of a 16 x 16 block of floats, for packing an operand whose stored rows
 * run across the panel (B stored (n, k)). Written for 16-lane vectors (AVX-512) only;
 * {@link #SUPPORTED} says whether this JVM has them, and callers copy scalar otherwise.
 *
 * <p>Four butterfly stages; stage h (8, 4, 2, 1) swaps the off-diagonal h x h blocks of each pair
 * of rows (r, r + h): each new row is one row blended with the other rotated by h lanes, so a block
 * costs 64 single-table permutes and 64 blends. (The two-table {@code selectFrom(v1, v2)} would
 * halve that but needs JDK 24; measured, it was no faster.) Lanes move as ints, which the
 * permutes take directly. Measured on Zen 5, packing 32-column panels from B stored (n, k) costs
 * 0.11 ns per element against 0.29 ns for the scalar strided copy.
 */
final class Transpose16 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    /** Whether vectors have 16 float lanes, the only width this transpose is written for. */
    static final boolean SUPPORTED = S.length() == 16 && I.length() == 16;

    // Stage h: UPh moves lane l - h to lane l, DNh lane l + h to lane l; Mh marks the lanes with bit h.
    private static final VectorShuffle<Integer> UP8 = rotate(-8), UP4 = rotate(-4), UP2 = rotate(-2), UP1 = rotate(-1);
    private static final VectorShuffle<Integer> DN8 = rotate(8), DN4 = rotate(4), DN2 = rotate(2), DN1 = rotate(1);
    private static final VectorMask<Integer> M8 = bit(8), M4 = bit(4), M2 = bit(2), M1 = bit(1);

    private Transpose16() {}

    private static VectorShuffle<Integer> rotate(int by) {
        return VectorShuffle.fromOp(I, l -> Math.floorMod(l + by, I.length()));
    }

    private static VectorMask<Integer> bit(int h) {
        boolean[] m = new boolean[I.length()];
        for (int l = 0; l < m.length; l++) m[l] = (l & h) != 0;
        return VectorMask.fromArray(I, m, 0);
    }

    /**
     * Writes the transpose of the 16 x 16 block {@code src[so + r * ld + q]} (r, q < 16) to
     * {@code dst[d + q * ds + r]}: source column q becomes destination row q.
     */
    static void block(float[] src, int so, int ld, float[] dst, int d, int ds) {
        IntVector x0 = FloatVector.fromArray(S, src, so).reinterpretAsInts();
        IntVector x1 = FloatVector.fromArray(S, src, so + ld).reinterpretAsInts();
        IntVector x2 = FloatVector.fromArray(S, src, so + 2 * ld).reinterpretAsInts();
        IntVector x3 = FloatVector.fromArray(S, src, so + 3 * ld).reinterpretAsInts();
        IntVector x4 = FloatVector.fromArray(S, src, so + 4 * ld).reinterpretAsInts();
        IntVector x5 = FloatVector.fromArray(S, src, so + 5 * ld).reinterpretAsInts();
        IntVector x6 = FloatVector.fromArray(S, src, so + 6 * ld).reinterpretAsInts();
        IntVector x7 = FloatVector.fromArray(S, src, so + 7 * ld).reinterpretAsInts();
        IntVector x8 = FloatVector.fromArray(S, src, so + 8 * ld).reinterpretAsInts();
        IntVector x9 = FloatVector.fromArray(S, src, so + 9 * ld).reinterpretAsInts();
        IntVector x10 = FloatVector.fromArray(S, src, so + 10 * ld).reinterpretAsInts();
        IntVector x11 = FloatVector.fromArray(S, src, so + 11 * ld).reinterpretAsInts();
        IntVector x12 = FloatVector.fromArray(S, src, so + 12 * ld).reinterpretAsInts();
        IntVector x13 = FloatVector.fromArray(S, src, so + 13 * ld).reinterpretAsInts();
        IntVector x14 = FloatVector.fromArray(S, src, so + 14 * ld).reinterpretAsInts();
        IntVector x15 = FloatVector.fromArray(S, src, so + 15 * ld).reinterpretAsInts();
        IntVector y0, y1, y2, y3, y4, y5, y6, y7, y8, y9, y10, y11, y12, y13, y14, y15;
        // Stage 8: rows r and r + 8 swap their off-diagonal 8 x 8 blocks.
        y0 = x0.blend(x8.rearrange(UP8), M8);
        y8 = x0.rearrange(DN8).blend(x8, M8);
        y1 = x1.blend(x9.rearrange(UP8), M8);
        y9 = x1.rearrange(DN8).blend(x9, M8);
        y2 = x2.blend(x10.rearrange(UP8), M8);
        y10 = x2.rearrange(DN8).blend(x10, M8);
        y3 = x3.blend(x11.rearrange(UP8), M8);
        y11 = x3.rearrange(DN8).blend(x11, M8);
        y4 = x4.blend(x12.rearrange(UP8), M8);
        y12 = x4.rearrange(DN8).blend(x12, M8);
        y5 = x5.blend(x13.rearrange(UP8), M8);
        y13 = x5.rearrange(DN8).blend(x13, M8);
        y6 = x6.blend(x14.rearrange(UP8), M8);
        y14 = x6.rearrange(DN8).blend(x14, M8);
        y7 = x7.blend(x15.rearrange(UP8), M8);
        y15 = x7.rearrange(DN8).blend(x15, M8);
        // Stage 4: rows r and r + 4 swap their off-diagonal 4 x 4 blocks.
        x0 = y0.blend(y4.rearrange(UP4), M4);
        x4 = y0.rearrange(DN4).blend(y4, M4);
        x1 = y1.blend(y5.rearrange(UP4), M4);
        x5 = y1.rearrange(DN4).blend(y5, M4);
        x2 = y2.blend(y6.rearrange(UP4), M4);
        x6 = y2.rearrange(DN4).blend(y6, M4);
        x3 = y3.blend(y7.rearrange(UP4), M4);
        x7 = y3.rearrange(DN4).blend(y7, M4);
        x8 = y8.blend(y12.rearrange(UP4), M4);
        x12 = y8.rearrange(DN4).blend(y12, M4);
        x9 = y9.blend(y13.rearrange(UP4), M4);
        x13 = y9.rearrange(DN4).blend(y13, M4);
        x10 = y10.blend(y14.rearrange(UP4), M4);
        x14 = y10.rearrange(DN4).blend(y14, M4);
        x11 = y11.blend(y15.rearrange(UP4), M4);
        x15 = y11.rearrange(DN4).blend(y15, M4);
        // Stage 2: rows r and r + 2 swap their off-diagonal 2 x 2 blocks.
        y0 = x0.blend(x2.rearrange(UP2), M2);
        y2 = x0.rearrange(DN2).blend(x2, M2);
        y1 = x1.blend(x3.rearrange(UP2), M2);
        y3 = x1.rearrange(DN2).blend(x3, M2);
        y4 = x4.blend(x6.rearrange(UP2), M2);
        y6 = x4.rearrange(DN2).blend(x6, M2);
        y5 = x5.blend(x7.rearrange(UP2), M2);
        y7 = x5.rearrange(DN2).blend(x7, M2);
        y8 = x8.blend(x10.rearrange(UP2), M2);
        y10 = x8.rearrange(DN2).blend(x10, M2);
        y9 = x9.blend(x11.rearrange(UP2), M2);
        y11 = x9.rearrange(DN2).blend(x11, M2);
        y12 = x12.blend(x14.rearrange(UP2), M2);
        y14 = x12.rearrange(DN2).blend(x14, M2);
        y13 = x13.blend(x15.rearrange(UP2), M2);
        y15 = x13.rearrange(DN2).blend(x15, M2);
        // Stage 1, stored as it is computed.
        y0.blend(y1.rearrange(UP1), M1).reinterpretAsFloats().intoArray(dst, d);
        y0.rearrange(DN1).blend(y1, M1).reinterpretAsFloats().intoArray(dst, d + ds);
        y2.blend(y3.rearrange(UP1), M1).reinterpretAsFloats().intoArray(dst, d + 2 * ds);
        y2.rearrange(DN1).blend(y3, M1).reinterpretAsFloats().intoArray(dst, d + 3 * ds);
        y4.blend(y5.rearrange(UP1), M1).reinterpretAsFloats().intoArray(dst, d + 4 * ds);
        y4.rearrange(DN1).blend(y5, M1).reinterpretAsFloats().intoArray(dst, d + 5 * ds);
        y6.blend(y7.rearrange(UP1), M1).reinterpretAsFloats().intoArray(dst, d + 6 * ds);
        y6.rearrange(DN1).blend(y7, M1).reinterpretAsFloats().intoArray(dst, d + 7 * ds);
        y8.blend(y9.rearrange(UP1), M1).reinterpretAsFloats().intoArray(dst, d + 8 * ds);
        y8.rearrange(DN1).blend(y9, M1).reinterpretAsFloats().intoArray(dst, d + 9 * ds);
        y10.blend(y11.rearrange(UP1), M1).reinterpretAsFloats().intoArray(dst, d + 10 * ds);
        y10.rearrange(DN1).blend(y11, M1).reinterpretAsFloats().intoArray(dst, d + 11 * ds);
        y12.blend(y13.rearrange(UP1), M1).reinterpretAsFloats().intoArray(dst, d + 12 * ds);
        y12.rearrange(DN1).blend(y13, M1).reinterpretAsFloats().intoArray(dst, d + 13 * ds);
        y14.blend(y15.rearrange(UP1), M1).reinterpretAsFloats().intoArray(dst, d + 14 * ds);
        y14.rearrange(DN1).blend(y15, M1).reinterpretAsFloats().intoArray(dst, d + 15 * ds);
    }
}
