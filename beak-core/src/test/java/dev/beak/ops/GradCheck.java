package dev.beak.ops;

import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an op against its double-precision reference: the fast forward must match the reference
 * forward, and the op's backward must match central finite differences of the reference forward,
 * taken through a random linear functional {@code sum(out * r)} (a plain sum would hide transposes).
 */
final class GradCheck {
    private GradCheck() {}

    static void check(Function<Tensor[], Tensor> op, Function<double[][], double[]> reference, Tensor... inputs) {
        check(op, reference, 1e-4, inputs);
    }

    static void check(Function<Tensor[], Tensor> op, Function<double[][], double[]> reference, double tol, Tensor... inputs) {
        for (Tensor t : inputs) t.requiringGrad();
        Tensor out = op.apply(inputs);
        double[][] in = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) in[i] = toDouble(inputs[i].data());
        double[] expected = reference.apply(in);
        assertThat(out.size()).as("output size").isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) out.data()[i]).as("forward[%d]", i)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tol * (1 + Math.abs(expected[i]))));
        }
        SplittableRandom rng = new SplittableRandom(42);
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = (float) (rng.nextDouble() * 2 - 1);
        out.backward(r);
        double h = 1e-6;
        for (int t = 0; t < inputs.length; t++) {
            float[] analytic = inputs[t].grad().data();
            for (int i = 0; i < in[t].length; i++) {
                double saved = in[t][i];
                in[t][i] = saved + h;
                double plus = dot(reference.apply(in), r);
                in[t][i] = saved - h;
                double minus = dot(reference.apply(in), r);
                in[t][i] = saved;
                double numeric = (plus - minus) / (2 * h);
                assertThat((double) analytic[i]).as("gradient of input %d at %d", t, i)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(numeric))));
            }
        }
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    private static double dot(double[] a, float[] r) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * r[i];
        return s;
    }
}
