package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with optional (heavy-ball) momentum, in PyTorch's form:
 * {@code v = momentum * v + g; p -= lr * v} (for a constant learning rate the same as Keras' form).
 */
public final class Sgd implements Optimizer {
    private double lr;
    private final double momentum;
    private final Map<Tensor, float[]> velocity = new IdentityHashMap<>();

    public Sgd(double lr, double momentum) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        this.lr = lr;
        this.momentum = momentum;
    }

    @Override
    public void step(Collection<Tensor> parameters) {
        float a = (float) lr, mu = (float) momentum;
        for (Tensor p : parameters) {
            if (!p.hasGrad()) continue;
            float[] w = p.data(), g = p.gradBuffer();
            if (mu == 0f) {
                for (int i = 0; i < w.length; i++) w[i] -= a * g[i];
                continue;
            }
            float[] v = velocity.computeIfAbsent(p, t -> new float[t.size()]);
            for (int i = 0; i < w.length; i++) {
                v[i] = mu * v[i] + g[i];
                w[i] -= a * v[i];
            }
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        this.lr = lr;
    }
}
