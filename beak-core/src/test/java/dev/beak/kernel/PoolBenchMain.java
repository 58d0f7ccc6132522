package dev.beak.kernel;

import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;

import java.util.Locale;
import java.util.Random;

/**
 * Prints the time of max pooling forward and backward (not a test) on ResNet-18's stem pooling, 3x3
 * stride 2 padding 1 over (8, 64, 112, 112), and on 2x2 stride-2 windows for comparison. Inputs are
 * ReLU outputs (half zeros, so ties are common, as in a network). Each figure is the best of repeated
 * runs over about {@code --seconds} (default 1). Usage: {@code PoolBenchMain [--seconds S]}.
 */
public final class PoolBenchMain {
    /** n, c, h, w, k, stride, pad per case. */
    private static final int[][] CASES = {{8, 64, 112, 112, 3, 2, 1}, {8, 64, 112, 112, 2, 2, 0}, {64, 32, 28, 28, 2, 2, 0}};

    public static void main(String[] args) {
        double seconds = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) seconds = Double.parseDouble(args[++i]);
            else throw new IllegalArgumentException("unknown option " + args[i]);
        }
        Random rnd = new Random(1);
        System.out.println("vector API: " + Kernels.vectorized() + ", threads: " + Parallel.threads());
        for (int[] c : CASES) {
            int n = c[0], ch = c[1], k = c[4], s = c[5], p = c[6];
            Window2d g = Window2d.of(new int[] {n, ch, c[2], c[3]}, k, k, s, s, 1, 1, new Padding.Explicit(p, p, p, p));
            float[] x = new float[n * ch * c[2] * c[3]];
            for (int i = 0; i < x.length; i++) x[i] = Math.max(0f, (float) rnd.nextGaussian());
            int out = n * ch * g.oH() * g.oW();
            float[] y = new float[out], dy = new float[out], dx = new float[x.length];
            for (int i = 0; i < out; i++) dy[i] = (float) rnd.nextGaussian();
            int[] argmax = new int[out];
            double fwd = ConvBenchMain.best(seconds, () -> MaxPoolKernel.forward(x, g, y, argmax));
            double bwd = ConvBenchMain.best(seconds, () -> MaxPoolKernel.backward(x, y, dy, argmax, g, dx));
            System.out.printf(Locale.ROOT, "%-30s fwd %6.2f ms | bwd %6.2f ms%n",
                    n + "x" + ch + "x" + c[2] + "x" + c[3] + " k" + k + " s" + s + " p" + p, fwd * 1e3, bwd * 1e3);
        }
    }
}
