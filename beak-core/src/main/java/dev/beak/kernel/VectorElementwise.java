package dev.beak.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The elementwise loops on the Vector API: whole vectors, then the scalar loop for the tail. Each
 * lane does the scalar code's operations in the same order (no FMA), so results match bit for bit;
 * the ReLU gradient is a masked add rather than a branch, which random activations would mispredict.
 */
final class VectorElementwise implements ElementwiseKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ScalarElementwise TAIL = new ScalarElementwise();

    @Override
    public void relu(float[] x, float[] y, int from, int to) {
        int i = from;
        FloatVector zero = FloatVector.zero(S);
        for (int e = to - L; i <= e; i += L) FloatVector.fromArray(S, x, i).max(zero).intoArray(y, i);
        TAIL.relu(x, y, i, to);
    }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int from, int to) {
        int i = from;
        for (int e = to - L; i <= e; i += L) {
            VectorMask<Float> on = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(S, dx, i).add(FloatVector.fromArray(S, dy, i), on).intoArray(dx, i);
        }
        TAIL.reluBackward(x, dy, dx, i, to);
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int from, int to,
                     float b1, float b2, float stepSize, float epsHat, float scale) {
        int i = from;
        float a1 = 1 - b1, a2 = 1 - b2;
        for (int e = to - L; i <= e; i += L) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(b1).add(gi.mul(a1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(b2).add(gi.mul(a2).mul(gi));
            mi = mi.blend(0f, mi.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
            vi = vi.blend(0f, vi.compare(VectorOperators.LT, Float.MIN_NORMAL));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector step = mi.mul(stepSize).div(vi.sqrt().add(epsHat)).mul(scale);
            FloatVector.fromArray(S, w, i).sub(step).intoArray(w, i);
        }
        TAIL.adam(w, g, m, v, i, to, b1, b2, stepSize, epsHat, scale);
    }

    /**
     * The lanes of v added in lane order, in double. Not reduceLanes(ADD): for floats its order is
     * unspecified, and C2's tree differs from the interpreter's loop, so a training run changed with
     * the moment a method got compiled.
     */
    private static double lanes(FloatVector v) {
        double s = 0;
        for (int j = 0; j < L; j++) s += v.lane(j);
        return s;
    }

    /** Elements whose lanes are summed in float before the total moves to double: 64 per lane. */
    private static final int BLOCK = 64 * 16;

    @Override
    public double sum(float[] x, int from, int to) {
        double total = 0;
        int i = from;
        while (to - i >= 2 * L) {
            int end = i + Math.min(BLOCK, (to - i) / (2 * L) * 2 * L);
            FloatVector a = FloatVector.zero(S), b = a;
            for (; i < end; i += 2 * L) {
                a = a.add(FloatVector.fromArray(S, x, i));
                b = b.add(FloatVector.fromArray(S, x, i + L));
            }
            total += lanes(a.add(b));
        }
        return total + TAIL.sum(x, i, to);
    }

    @Override
    public double sumSquares(float[] x, int from, int to, float mu) {
        double total = 0;
        int i = from;
        while (to - i >= 2 * L) {
            int end = i + Math.min(BLOCK, (to - i) / (2 * L) * 2 * L);
            FloatVector a = FloatVector.zero(S), b = a;
            for (; i < end; i += 2 * L) {
                FloatVector d0 = FloatVector.fromArray(S, x, i).sub(mu), d1 = FloatVector.fromArray(S, x, i + L).sub(mu);
                a = d0.fma(d0, a);
                b = d1.fma(d1, b);
            }
            total += lanes(a.add(b));
        }
        return total + TAIL.sumSquares(x, i, to, mu);
    }

    @Override
    public double sumProducts(float[] dy, float[] x, int from, int to, float mu) {
        double total = 0;
        int i = from;
        while (to - i >= 2 * L) {
            int end = i + Math.min(BLOCK, (to - i) / (2 * L) * 2 * L);
            FloatVector a = FloatVector.zero(S), b = a;
            for (; i < end; i += 2 * L) {
                a = FloatVector.fromArray(S, x, i).sub(mu).fma(FloatVector.fromArray(S, dy, i), a);
                b = FloatVector.fromArray(S, x, i + L).sub(mu).fma(FloatVector.fromArray(S, dy, i + L), b);
            }
            total += lanes(a.add(b));
        }
        return total + TAIL.sumProducts(dy, x, i, to, mu);
    }

    @Override
    public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int e = n - L; i <= e; i += L) {
            FloatVector.fromArray(S, x, xo + i).mul(a).add(FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        TAIL.axpy(a, x, xo + i, y, yo + i, n - i);
    }

    @Override
    public void taps(float b, float[] w, int wo, float[] x, int[] off, float[] y, int yo, int from, int to) {
        int t = from;
        for (int e = to - L; t <= e; t += L) {
            FloatVector acc = FloatVector.broadcast(S, b);
            for (int k = 0; k < off.length; k++) acc = FloatVector.fromArray(S, x, off[k] + t).mul(w[wo + k]).add(acc);
            acc.intoArray(y, yo + t);
        }
        TAIL.taps(b, w, wo, x, off, y, yo, t, to);
    }

    @Override
    public void multiply(float[] s, int so, float[] y, int yo, int n) {
        int i = 0;
        for (int e = n - L; i <= e; i += L) {
            FloatVector.fromArray(S, y, yo + i).mul(FloatVector.fromArray(S, s, so + i)).intoArray(y, yo + i);
        }
        TAIL.multiply(s, so + i, y, yo + i, n - i);
    }

    @Override
    public void affine(float[] x, float[] y, int from, int to, float scale, float shift) {
        int i = from;
        for (int e = to - L; i <= e; i += L) FloatVector.fromArray(S, x, i).mul(scale).add(shift).intoArray(y, i);
        TAIL.affine(x, y, i, to, scale, shift);
    }

    @Override
    public void normGradient(float[] dy, float[] x, float[] dx, int from, int to, float k, float a, float mu, float b) {
        int i = from;
        for (int e = to - L; i <= e; i += L) {
            FloatVector xhatB = FloatVector.fromArray(S, x, i).sub(mu).mul(b);
            FloatVector g = FloatVector.fromArray(S, dy, i).sub(a).sub(xhatB).mul(k);
            FloatVector.fromArray(S, dx, i).add(g).intoArray(dx, i);
        }
        TAIL.normGradient(dy, x, dx, i, to, k, a, mu, b);
    }
}
