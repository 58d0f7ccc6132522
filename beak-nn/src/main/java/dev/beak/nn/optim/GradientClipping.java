package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

import java.util.List;

/**
 * Gradient clipping before an update, applied in place to the gradients of all groups together.
 * {@link GlobalNorm}: when the L2 norm of all gradients taken as one vector exceeds {@code maxNorm},
 * every gradient is scaled by {@code maxNorm / (norm + 1e-6)} (PyTorch's {@code clip_grad_norm_};
 * Pascanu et al., 2013). {@link Value}: each component is clamped to {@code [-limit, limit]}.
 */
public sealed interface GradientClipping {
    void clip(List<ParameterGroup> groups);

    static GradientClipping none() {
        return new None();
    }

    static GradientClipping globalNorm(double maxNorm) {
        return new GlobalNorm(maxNorm);
    }

    static GradientClipping value(double limit) {
        return new Value(limit);
    }

    record None() implements GradientClipping {
        @Override
        public void clip(List<ParameterGroup> groups) {}
    }

    record GlobalNorm(double maxNorm) implements GradientClipping {
        public GlobalNorm {
            if (!(maxNorm > 0)) throw new IllegalArgumentException("clipping norm must be > 0, got " + maxNorm);
        }

        @Override
        public void clip(List<ParameterGroup> groups) {
            double sumSquares = 0;
            for (ParameterGroup g : groups) {
                for (Tensor p : g.parameters()) {
                    if (!p.hasGrad()) continue;
                    for (float v : p.gradBuffer()) sumSquares += (double) v * v;
                }
            }
            double norm = Math.sqrt(sumSquares);
            if (norm <= maxNorm) return;
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (ParameterGroup g : groups) {
                for (Tensor p : g.parameters()) {
                    if (!p.hasGrad()) continue;
                    float[] d = p.gradBuffer();
                    for (int i = 0; i < d.length; i++) d[i] *= scale;
                }
            }
        }
    }

    record Value(double limit) implements GradientClipping {
        public Value {
            if (!(limit > 0)) throw new IllegalArgumentException("clipping value must be > 0, got " + limit);
        }

        @Override
        public void clip(List<ParameterGroup> groups) {
            float c = (float) limit;
            for (ParameterGroup g : groups) {
                for (Tensor p : g.parameters()) {
                    if (!p.hasGrad()) continue;
                    float[] d = p.gradBuffer();
                    for (int i = 0; i < d.length; i++) d[i] = Math.clamp(d[i], -c, c);
                }
            }
        }
    }
}
