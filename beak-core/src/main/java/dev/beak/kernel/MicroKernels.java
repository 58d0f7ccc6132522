package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

final class MicroKernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    private MicroKernels() {}

    static void k4x2(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 2 * L, ao = ai + p * 4;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
    }
    static void k6x2(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S), c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 2 * L, ao = ai + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1);
            a = FloatVector.broadcast(S, ap[ao + 4]); c4_0 = a.fma(b0, c4_0); c4_1 = a.fma(b1, c4_1);
            a = FloatVector.broadcast(S, ap[ao + 5]); c5_0 = a.fma(b0, c5_0); c5_1 = a.fma(b1, c5_1);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 4 * ldc + 0 * L, c4_0, ow);
        put(c, ci + 4 * ldc + 1 * L, c4_1, ow);
        put(c, ci + 5 * ldc + 0 * L, c5_0, ow);
        put(c, ci + 5 * ldc + 1 * L, c5_1, ow);
    }
    static void k8x2(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S), c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S), c6_0 = FloatVector.zero(S), c6_1 = FloatVector.zero(S), c7_0 = FloatVector.zero(S), c7_1 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 2 * L, ao = ai + p * 8;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1);
            a = FloatVector.broadcast(S, ap[ao + 4]); c4_0 = a.fma(b0, c4_0); c4_1 = a.fma(b1, c4_1);
            a = FloatVector.broadcast(S, ap[ao + 5]); c5_0 = a.fma(b0, c5_0); c5_1 = a.fma(b1, c5_1);
            a = FloatVector.broadcast(S, ap[ao + 6]); c6_0 = a.fma(b0, c6_0); c6_1 = a.fma(b1, c6_1);
            a = FloatVector.broadcast(S, ap[ao + 7]); c7_0 = a.fma(b0, c7_0); c7_1 = a.fma(b1, c7_1);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 4 * ldc + 0 * L, c4_0, ow);
        put(c, ci + 4 * ldc + 1 * L, c4_1, ow);
        put(c, ci + 5 * ldc + 0 * L, c5_0, ow);
        put(c, ci + 5 * ldc + 1 * L, c5_1, ow);
        put(c, ci + 6 * ldc + 0 * L, c6_0, ow);
        put(c, ci + 6 * ldc + 1 * L, c6_1, ow);
        put(c, ci + 7 * ldc + 0 * L, c7_0, ow);
        put(c, ci + 7 * ldc + 1 * L, c7_1, ow);
    }
    static void k12x2(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S), c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S), c6_0 = FloatVector.zero(S), c6_1 = FloatVector.zero(S), c7_0 = FloatVector.zero(S), c7_1 = FloatVector.zero(S), c8_0 = FloatVector.zero(S), c8_1 = FloatVector.zero(S), c9_0 = FloatVector.zero(S), c9_1 = FloatVector.zero(S), c10_0 = FloatVector.zero(S), c10_1 = FloatVector.zero(S), c11_0 = FloatVector.zero(S), c11_1 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 2 * L, ao = ai + p * 12;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1);
            a = FloatVector.broadcast(S, ap[ao + 4]); c4_0 = a.fma(b0, c4_0); c4_1 = a.fma(b1, c4_1);
            a = FloatVector.broadcast(S, ap[ao + 5]); c5_0 = a.fma(b0, c5_0); c5_1 = a.fma(b1, c5_1);
            a = FloatVector.broadcast(S, ap[ao + 6]); c6_0 = a.fma(b0, c6_0); c6_1 = a.fma(b1, c6_1);
            a = FloatVector.broadcast(S, ap[ao + 7]); c7_0 = a.fma(b0, c7_0); c7_1 = a.fma(b1, c7_1);
            a = FloatVector.broadcast(S, ap[ao + 8]); c8_0 = a.fma(b0, c8_0); c8_1 = a.fma(b1, c8_1);
            a = FloatVector.broadcast(S, ap[ao + 9]); c9_0 = a.fma(b0, c9_0); c9_1 = a.fma(b1, c9_1);
            a = FloatVector.broadcast(S, ap[ao + 10]); c10_0 = a.fma(b0, c10_0); c10_1 = a.fma(b1, c10_1);
            a = FloatVector.broadcast(S, ap[ao + 11]); c11_0 = a.fma(b0, c11_0); c11_1 = a.fma(b1, c11_1);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 4 * ldc + 0 * L, c4_0, ow);
        put(c, ci + 4 * ldc + 1 * L, c4_1, ow);
        put(c, ci + 5 * ldc + 0 * L, c5_0, ow);
        put(c, ci + 5 * ldc + 1 * L, c5_1, ow);
        put(c, ci + 6 * ldc + 0 * L, c6_0, ow);
        put(c, ci + 6 * ldc + 1 * L, c6_1, ow);
        put(c, ci + 7 * ldc + 0 * L, c7_0, ow);
        put(c, ci + 7 * ldc + 1 * L, c7_1, ow);
        put(c, ci + 8 * ldc + 0 * L, c8_0, ow);
        put(c, ci + 8 * ldc + 1 * L, c8_1, ow);
        put(c, ci + 9 * ldc + 0 * L, c9_0, ow);
        put(c, ci + 9 * ldc + 1 * L, c9_1, ow);
        put(c, ci + 10 * ldc + 0 * L, c10_0, ow);
        put(c, ci + 10 * ldc + 1 * L, c10_1, ow);
        put(c, ci + 11 * ldc + 0 * L, c11_0, ow);
        put(c, ci + 11 * ldc + 1 * L, c11_1, ow);
    }
    static void k14x2(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S), c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S), c6_0 = FloatVector.zero(S), c6_1 = FloatVector.zero(S), c7_0 = FloatVector.zero(S), c7_1 = FloatVector.zero(S), c8_0 = FloatVector.zero(S), c8_1 = FloatVector.zero(S), c9_0 = FloatVector.zero(S), c9_1 = FloatVector.zero(S), c10_0 = FloatVector.zero(S), c10_1 = FloatVector.zero(S), c11_0 = FloatVector.zero(S), c11_1 = FloatVector.zero(S), c12_0 = FloatVector.zero(S), c12_1 = FloatVector.zero(S), c13_0 = FloatVector.zero(S), c13_1 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 2 * L, ao = ai + p * 14;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1);
            a = FloatVector.broadcast(S, ap[ao + 4]); c4_0 = a.fma(b0, c4_0); c4_1 = a.fma(b1, c4_1);
            a = FloatVector.broadcast(S, ap[ao + 5]); c5_0 = a.fma(b0, c5_0); c5_1 = a.fma(b1, c5_1);
            a = FloatVector.broadcast(S, ap[ao + 6]); c6_0 = a.fma(b0, c6_0); c6_1 = a.fma(b1, c6_1);
            a = FloatVector.broadcast(S, ap[ao + 7]); c7_0 = a.fma(b0, c7_0); c7_1 = a.fma(b1, c7_1);
            a = FloatVector.broadcast(S, ap[ao + 8]); c8_0 = a.fma(b0, c8_0); c8_1 = a.fma(b1, c8_1);
            a = FloatVector.broadcast(S, ap[ao + 9]); c9_0 = a.fma(b0, c9_0); c9_1 = a.fma(b1, c9_1);
            a = FloatVector.broadcast(S, ap[ao + 10]); c10_0 = a.fma(b0, c10_0); c10_1 = a.fma(b1, c10_1);
            a = FloatVector.broadcast(S, ap[ao + 11]); c11_0 = a.fma(b0, c11_0); c11_1 = a.fma(b1, c11_1);
            a = FloatVector.broadcast(S, ap[ao + 12]); c12_0 = a.fma(b0, c12_0); c12_1 = a.fma(b1, c12_1);
            a = FloatVector.broadcast(S, ap[ao + 13]); c13_0 = a.fma(b0, c13_0); c13_1 = a.fma(b1, c13_1);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 4 * ldc + 0 * L, c4_0, ow);
        put(c, ci + 4 * ldc + 1 * L, c4_1, ow);
        put(c, ci + 5 * ldc + 0 * L, c5_0, ow);
        put(c, ci + 5 * ldc + 1 * L, c5_1, ow);
        put(c, ci + 6 * ldc + 0 * L, c6_0, ow);
        put(c, ci + 6 * ldc + 1 * L, c6_1, ow);
        put(c, ci + 7 * ldc + 0 * L, c7_0, ow);
        put(c, ci + 7 * ldc + 1 * L, c7_1, ow);
        put(c, ci + 8 * ldc + 0 * L, c8_0, ow);
        put(c, ci + 8 * ldc + 1 * L, c8_1, ow);
        put(c, ci + 9 * ldc + 0 * L, c9_0, ow);
        put(c, ci + 9 * ldc + 1 * L, c9_1, ow);
        put(c, ci + 10 * ldc + 0 * L, c10_0, ow);
        put(c, ci + 10 * ldc + 1 * L, c10_1, ow);
        put(c, ci + 11 * ldc + 0 * L, c11_0, ow);
        put(c, ci + 11 * ldc + 1 * L, c11_1, ow);
        put(c, ci + 12 * ldc + 0 * L, c12_0, ow);
        put(c, ci + 12 * ldc + 1 * L, c12_1, ow);
        put(c, ci + 13 * ldc + 0 * L, c13_0, ow);
        put(c, ci + 13 * ldc + 1 * L, c13_1, ow);
    }
    static void k4x3(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c0_2 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c1_2 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c2_2 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c3_2 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 3 * L, ao = ai + p * 4;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1); c0_2 = a.fma(b2, c0_2);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1); c1_2 = a.fma(b2, c1_2);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1); c2_2 = a.fma(b2, c2_2);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1); c3_2 = a.fma(b2, c3_2);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 0 * ldc + 2 * L, c0_2, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 1 * ldc + 2 * L, c1_2, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 2 * ldc + 2 * L, c2_2, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 3 * ldc + 2 * L, c3_2, ow);
    }
    static void k6x3(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c0_2 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c1_2 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c2_2 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c3_2 = FloatVector.zero(S), c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S), c4_2 = FloatVector.zero(S), c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S), c5_2 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 3 * L, ao = ai + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1); c0_2 = a.fma(b2, c0_2);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1); c1_2 = a.fma(b2, c1_2);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1); c2_2 = a.fma(b2, c2_2);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1); c3_2 = a.fma(b2, c3_2);
            a = FloatVector.broadcast(S, ap[ao + 4]); c4_0 = a.fma(b0, c4_0); c4_1 = a.fma(b1, c4_1); c4_2 = a.fma(b2, c4_2);
            a = FloatVector.broadcast(S, ap[ao + 5]); c5_0 = a.fma(b0, c5_0); c5_1 = a.fma(b1, c5_1); c5_2 = a.fma(b2, c5_2);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 0 * ldc + 2 * L, c0_2, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 1 * ldc + 2 * L, c1_2, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 2 * ldc + 2 * L, c2_2, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 3 * ldc + 2 * L, c3_2, ow);
        put(c, ci + 4 * ldc + 0 * L, c4_0, ow);
        put(c, ci + 4 * ldc + 1 * L, c4_1, ow);
        put(c, ci + 4 * ldc + 2 * L, c4_2, ow);
        put(c, ci + 5 * ldc + 0 * L, c5_0, ow);
        put(c, ci + 5 * ldc + 1 * L, c5_1, ow);
        put(c, ci + 5 * ldc + 2 * L, c5_2, ow);
    }
    static void k8x3(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c0_2 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c1_2 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c2_2 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c3_2 = FloatVector.zero(S), c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S), c4_2 = FloatVector.zero(S), c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S), c5_2 = FloatVector.zero(S), c6_0 = FloatVector.zero(S), c6_1 = FloatVector.zero(S), c6_2 = FloatVector.zero(S), c7_0 = FloatVector.zero(S), c7_1 = FloatVector.zero(S), c7_2 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 3 * L, ao = ai + p * 8;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1); c0_2 = a.fma(b2, c0_2);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1); c1_2 = a.fma(b2, c1_2);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1); c2_2 = a.fma(b2, c2_2);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1); c3_2 = a.fma(b2, c3_2);
            a = FloatVector.broadcast(S, ap[ao + 4]); c4_0 = a.fma(b0, c4_0); c4_1 = a.fma(b1, c4_1); c4_2 = a.fma(b2, c4_2);
            a = FloatVector.broadcast(S, ap[ao + 5]); c5_0 = a.fma(b0, c5_0); c5_1 = a.fma(b1, c5_1); c5_2 = a.fma(b2, c5_2);
            a = FloatVector.broadcast(S, ap[ao + 6]); c6_0 = a.fma(b0, c6_0); c6_1 = a.fma(b1, c6_1); c6_2 = a.fma(b2, c6_2);
            a = FloatVector.broadcast(S, ap[ao + 7]); c7_0 = a.fma(b0, c7_0); c7_1 = a.fma(b1, c7_1); c7_2 = a.fma(b2, c7_2);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 0 * ldc + 2 * L, c0_2, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 1 * ldc + 2 * L, c1_2, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 2 * ldc + 2 * L, c2_2, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 3 * ldc + 2 * L, c3_2, ow);
        put(c, ci + 4 * ldc + 0 * L, c4_0, ow);
        put(c, ci + 4 * ldc + 1 * L, c4_1, ow);
        put(c, ci + 4 * ldc + 2 * L, c4_2, ow);
        put(c, ci + 5 * ldc + 0 * L, c5_0, ow);
        put(c, ci + 5 * ldc + 1 * L, c5_1, ow);
        put(c, ci + 5 * ldc + 2 * L, c5_2, ow);
        put(c, ci + 6 * ldc + 0 * L, c6_0, ow);
        put(c, ci + 6 * ldc + 1 * L, c6_1, ow);
        put(c, ci + 6 * ldc + 2 * L, c6_2, ow);
        put(c, ci + 7 * ldc + 0 * L, c7_0, ow);
        put(c, ci + 7 * ldc + 1 * L, c7_1, ow);
        put(c, ci + 7 * ldc + 2 * L, c7_2, ow);
    }
    static void k4x4(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c0_2 = FloatVector.zero(S), c0_3 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c1_2 = FloatVector.zero(S), c1_3 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c2_2 = FloatVector.zero(S), c2_3 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c3_2 = FloatVector.zero(S), c3_3 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 4 * L, ao = ai + p * 4;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bo + 3 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1); c0_2 = a.fma(b2, c0_2); c0_3 = a.fma(b3, c0_3);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1); c1_2 = a.fma(b2, c1_2); c1_3 = a.fma(b3, c1_3);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1); c2_2 = a.fma(b2, c2_2); c2_3 = a.fma(b3, c2_3);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1); c3_2 = a.fma(b2, c3_2); c3_3 = a.fma(b3, c3_3);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 0 * ldc + 2 * L, c0_2, ow);
        put(c, ci + 0 * ldc + 3 * L, c0_3, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 1 * ldc + 2 * L, c1_2, ow);
        put(c, ci + 1 * ldc + 3 * L, c1_3, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 2 * ldc + 2 * L, c2_2, ow);
        put(c, ci + 2 * ldc + 3 * L, c2_3, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 3 * ldc + 2 * L, c3_2, ow);
        put(c, ci + 3 * ldc + 3 * L, c3_3, ow);
    }
    static void k6x4(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean ow) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c0_2 = FloatVector.zero(S), c0_3 = FloatVector.zero(S), c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c1_2 = FloatVector.zero(S), c1_3 = FloatVector.zero(S), c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S), c2_2 = FloatVector.zero(S), c2_3 = FloatVector.zero(S), c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S), c3_2 = FloatVector.zero(S), c3_3 = FloatVector.zero(S), c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S), c4_2 = FloatVector.zero(S), c4_3 = FloatVector.zero(S), c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S), c5_2 = FloatVector.zero(S), c5_3 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * 4 * L, ao = ai + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bo + 3 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ao + 0]); c0_0 = a.fma(b0, c0_0); c0_1 = a.fma(b1, c0_1); c0_2 = a.fma(b2, c0_2); c0_3 = a.fma(b3, c0_3);
            a = FloatVector.broadcast(S, ap[ao + 1]); c1_0 = a.fma(b0, c1_0); c1_1 = a.fma(b1, c1_1); c1_2 = a.fma(b2, c1_2); c1_3 = a.fma(b3, c1_3);
            a = FloatVector.broadcast(S, ap[ao + 2]); c2_0 = a.fma(b0, c2_0); c2_1 = a.fma(b1, c2_1); c2_2 = a.fma(b2, c2_2); c2_3 = a.fma(b3, c2_3);
            a = FloatVector.broadcast(S, ap[ao + 3]); c3_0 = a.fma(b0, c3_0); c3_1 = a.fma(b1, c3_1); c3_2 = a.fma(b2, c3_2); c3_3 = a.fma(b3, c3_3);
            a = FloatVector.broadcast(S, ap[ao + 4]); c4_0 = a.fma(b0, c4_0); c4_1 = a.fma(b1, c4_1); c4_2 = a.fma(b2, c4_2); c4_3 = a.fma(b3, c4_3);
            a = FloatVector.broadcast(S, ap[ao + 5]); c5_0 = a.fma(b0, c5_0); c5_1 = a.fma(b1, c5_1); c5_2 = a.fma(b2, c5_2); c5_3 = a.fma(b3, c5_3);
        }
        put(c, ci + 0 * ldc + 0 * L, c0_0, ow);
        put(c, ci + 0 * ldc + 1 * L, c0_1, ow);
        put(c, ci + 0 * ldc + 2 * L, c0_2, ow);
        put(c, ci + 0 * ldc + 3 * L, c0_3, ow);
        put(c, ci + 1 * ldc + 0 * L, c1_0, ow);
        put(c, ci + 1 * ldc + 1 * L, c1_1, ow);
        put(c, ci + 1 * ldc + 2 * L, c1_2, ow);
        put(c, ci + 1 * ldc + 3 * L, c1_3, ow);
        put(c, ci + 2 * ldc + 0 * L, c2_0, ow);
        put(c, ci + 2 * ldc + 1 * L, c2_1, ow);
        put(c, ci + 2 * ldc + 2 * L, c2_2, ow);
        put(c, ci + 2 * ldc + 3 * L, c2_3, ow);
        put(c, ci + 3 * ldc + 0 * L, c3_0, ow);
        put(c, ci + 3 * ldc + 1 * L, c3_1, ow);
        put(c, ci + 3 * ldc + 2 * L, c3_2, ow);
        put(c, ci + 3 * ldc + 3 * L, c3_3, ow);
        put(c, ci + 4 * ldc + 0 * L, c4_0, ow);
        put(c, ci + 4 * ldc + 1 * L, c4_1, ow);
        put(c, ci + 4 * ldc + 2 * L, c4_2, ow);
        put(c, ci + 4 * ldc + 3 * L, c4_3, ow);
        put(c, ci + 5 * ldc + 0 * L, c5_0, ow);
        put(c, ci + 5 * ldc + 1 * L, c5_1, ow);
        put(c, ci + 5 * ldc + 2 * L, c5_2, ow);
        put(c, ci + 5 * ldc + 3 * L, c5_3, ow);
    }

    private static void put(float[] c, int ci, FloatVector v, boolean ow) {
        if (!ow) v = v.add(FloatVector.fromArray(S, c, ci));
        v.intoArray(c, ci);
    }
}
