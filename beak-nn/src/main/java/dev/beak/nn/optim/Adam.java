package dev.beak.nn.optim;

import dev.beak.kernel.Elementwise;
import dev.beak.tensor.Tensor;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015, "Adam: A Method for Stochastic Optimization"), with bias correction:
 * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g²; p -= lr * m̂ / (sqrt(v̂) + eps)}, where
 * {@code m̂ = m / (1 - b1^t)} and {@code v̂ = v / (1 - b2^t)}, as PyTorch computes it.
 */
public final class Adam implements Optimizer {
    private final double lr, beta1, beta2, epsilon;
    private final Map<Tensor, float[][]> moments = new IdentityHashMap<>();
    private final Map<Tensor, Integer> steps = new IdentityHashMap<>();

    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    public Adam(double lr, double beta1, double beta2, double epsilon) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void step(Collection<Tensor> parameters) {
        for (Tensor p : parameters) {
            if (!p.hasGrad()) continue;
            float[][] mv = moments.computeIfAbsent(p, t -> new float[][] {new float[t.size()], new float[t.size()]});
            int t = steps.merge(p, 1, Integer::sum);
            float[] w = p.data(), g = p.gradBuffer(), m = mv[0], v = mv[1];
            float b1 = (float) beta1, b2 = (float) beta2, eps = (float) epsilon;
            // Fold both bias corrections into the step size and epsilon: one multiply per element.
            double c1 = 1 - Math.pow(beta1, t), c2 = Math.sqrt(1 - Math.pow(beta2, t));
            float stepSize = (float) (lr / c1), epsHat = (float) (eps * c2), scale = (float) c2;
            // Vectorised and split over the threads (3.3M parameters for the MNIST CNN).
            Elementwise.adam(w, g, m, v, w.length, b1, b2, stepSize, epsHat, scale);
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }
}
