package dev.beak.nn.optim;

import dev.beak.kernel.Elementwise;

/** The Adam moment update and step shared by {@link Adam} and {@link AdamW}. */
final class AdamRule {
    private AdamRule() {}

    /**
     * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g²; w -= lr m̂ / (sqrt(v̂) + eps)} with
     * {@code m̂ = m / (1 - b1^t)}, {@code v̂ = v / (1 - b2^t)}, over the first {@code w.length} values.
     */
    static void apply(float[] w, float[] g, float[] m, float[] v, int t, double lr, double beta1, double beta2, double eps) {
        float b1 = (float) beta1, b2 = (float) beta2;
        // Fold both bias corrections into the step size and epsilon: one divide per element.
        double c1 = 1 - Math.pow(beta1, t), c2 = Math.sqrt(1 - Math.pow(beta2, t));
        float stepSize = (float) (lr * c2 / c1), epsHat = (float) (eps * c2);
        // Vectorised and split over the threads (3.3M parameters in the MNIST CNN); same arithmetic as
        // m = b1 m + (1-b1) g; v = b2 v + (1-b2) g²; w -= stepSize m / (sqrt(v) + epsHat).
        Elementwise.adam(w, g, m, v, w.length, b1, b2, stepSize, epsHat, 1f);
    }

    static void checkBetas(double beta1, double beta2, double eps) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0)) throw new IllegalArgumentException("epsilon must be > 0, got " + eps);
    }
}
