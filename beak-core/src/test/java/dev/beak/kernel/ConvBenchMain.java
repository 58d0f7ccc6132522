package dev.beak.kernel;

import dev.beak.ops.Padding;
import dev.beak.ops.Window2d;

import java.util.Locale;
import java.util.Random;

/**
 * Prints GFLOP/s of the convolution kernels, layer by layer, for the convolution layers of the
 * benchmark workloads (not a test): forward, weight gradient and input gradient separately, so a
 * slow layer or pass shows. Each figure is the best of repeated runs over about a second.
 * Winograd's forward and weight-gradient times are shown beside im2col's where it applies
 * ({@code *}: the one used); the input gradient is timed on the path the op takes (Winograd where it pays).
 * Usage: {@code ConvBenchMain [W1|W2|W3|W3b1|W4] [--seconds S] [--forward] [--layer I]}.
 */
public final class ConvBenchMain {
    /** n, c, h, w, f, k, stride, pad per layer. */
    private static int[][] layers(String workload) {
        return switch (workload) {
            case "W2" -> new int[][] {{64, 3, 32, 32, 32, 3, 1, 0}, {64, 32, 15, 15, 64, 3, 1, 0}, {64, 64, 6, 6, 64, 3, 1, 0}};
            case "W1" -> new int[][] {{64, 1, 28, 28, 32, 5, 1, 2}, {64, 32, 14, 14, 64, 5, 1, 2}};
            case "W3", "W3b1" -> {
                int n = workload.equals("W3") ? 8 : 1;
                yield new int[][] {{n, 3, 224, 224, 64, 3, 1, 1}, {n, 64, 224, 224, 64, 3, 1, 1},
                        {n, 64, 112, 112, 128, 3, 1, 1}, {n, 128, 112, 112, 128, 3, 1, 1},
                        {n, 128, 56, 56, 256, 3, 1, 1}, {n, 256, 56, 56, 256, 3, 1, 1},
                        {n, 256, 28, 28, 512, 3, 1, 1}, {n, 512, 28, 28, 512, 3, 1, 1},
                        {n, 512, 14, 14, 512, 3, 1, 1}};
            }
            case "W4" -> new int[][] {{8, 3, 224, 224, 64, 7, 2, 3}, {8, 64, 56, 56, 64, 3, 1, 1},
                    {8, 64, 56, 56, 128, 3, 2, 1}, {8, 64, 56, 56, 128, 1, 2, 0}, {8, 128, 28, 28, 128, 3, 1, 1},
                    {8, 128, 28, 28, 256, 3, 2, 1}, {8, 128, 28, 28, 256, 1, 2, 0}, {8, 256, 14, 14, 256, 3, 1, 1},
                    {8, 256, 14, 14, 512, 3, 2, 1}, {8, 256, 14, 14, 512, 1, 2, 0}, {8, 512, 7, 7, 512, 3, 1, 1}};
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    }

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "W4";
        double seconds = 1;
        boolean forwardOnly = false;
        int only = -1;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--seconds")) seconds = Double.parseDouble(args[++i]);
            else if (args[i].equals("--forward")) forwardOnly = true;
            else if (args[i].equals("--layer")) only = Integer.parseInt(args[++i]);
            else throw new IllegalArgumentException("unknown option " + args[i]);
        }
        Random rnd = new Random(1);
        double total = 0;
        int[][] layers = layers(workload);
        for (int li = 0; li < layers.length; li++) {
            int[] l = layers[li];
            if (only >= 0 && li != only) continue;
            int n = l[0], c = l[1], f = l[4], k = l[5], s = l[6], pad = l[7];
            Window2d g = Window2d.of(new int[] {n, c, l[2], l[3]}, k, k, s, s, 1, 1, new Padding.Explicit(pad, pad, pad, pad));
            float[] x = fill(rnd, n * c * l[2] * l[3]), w = fill(rnd, f * c * k * k), b = fill(rnd, f);
            int out = n * f * g.oH() * g.oW();
            float[] y = new float[out], dy = fill(rnd, out), dw = new float[w.length], db = new float[f], dx = new float[x.length];
            double flops = 2.0 * n * f * g.oH() * g.oW() * c * k * k;
            double fwd = best(seconds, () -> Conv2dKernel.forward(x, w, b, g, f, y));
            double win = Winograd.applies(g) ? best(seconds, () -> Winograd.forward(x, w, b, g, f, y)) : Double.NaN;
            double bw = forwardOnly ? 0 : best(seconds, () -> Conv2dKernel.backward(x, w, dy, g, f, dw, db, null));
            double bwWin = forwardOnly || !Winograd.applies(g) ? Double.NaN : best(seconds, () -> WinogradWeights.backward(x, dy, g, f, dw));
            boolean winW = WinogradWeights.pays(g, f);
            double bx = forwardOnly ? 0 : best(seconds, () -> {
                if (Winograd.paysBackward(g, f)) Winograd.backwardInput(dy, w, g, f, dx);
                else Conv2dKernel.backward(x, w, dy, g, f, null, null, dx);
            });
            total += (Winograd.pays(g, f) ? win : fwd) + (winW ? bwWin : bw) + bx;
            System.out.printf(Locale.ROOT, "%-26s fwd %6.2f ms %4.0f GF/s | winograd %6.2f ms %4.0f%s | dW %6.2f ms %4.0f | winograd %6.2f ms %4.0f%s | dX %6.2f ms %4.0f%n",
                    g.n() + "x" + c + "x" + l[2] + " -> " + f + " k" + k + " s" + s, fwd * 1e3, flops / fwd / 1e9,
                    win * 1e3, flops / win / 1e9, Winograd.pays(g, f) ? "*" : " ",
                    bw * 1e3, flops / bw / 1e9, bwWin * 1e3, flops / bwWin / 1e9, winW ? "*" : " ", bx * 1e3, flops / bx / 1e9);
        }
        System.out.printf(Locale.ROOT, "total %.1f ms%n", total * 1e3);
    }

    /** The best time of {@code r} in seconds, over about {@code seconds} of repeats after two warm-up runs. */
    static double best(double seconds, Runnable r) {
        for (int i = 0; i < 2; i++) r.run();
        double best = Double.MAX_VALUE;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int rep = 0; rep < 3 || System.nanoTime() < end; rep++) {
            long t = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    private static float[] fill(Random rnd, int size) {
        float[] a = new float[size];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() - 0.5f;
        return a;
    }
}
