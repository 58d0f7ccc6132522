package dev.beak.tensor;

import java.util.SplittableRandom;

/** Standard normal samples from a {@link SplittableRandom} (Marsaglia's polar method). */
public final class Gaussian {
    private Gaussian() {}

    public static double next(SplittableRandom rng) {
        double u, v, s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
