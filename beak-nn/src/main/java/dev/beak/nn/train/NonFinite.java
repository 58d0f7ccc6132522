package dev.beak.nn.train;

import dev.beak.autograd.Autograd;
import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.util.Locale;
import java.util.Map;

/**
 * Finds where numbers went wrong when a loss stops being finite or explodes: the first layer, in
 * graph order, whose output holds NaN or infinity (or, when none does, the layer with the largest
 * values), and the first parameter whose gradient or value is not finite. The scans are plain loops
 * over the arrays; the gradient scan runs every training step, the others only after a failure.
 */
public final class NonFinite {
    private NonFinite() {}

    /** What {@code Model.fit} does when a batch's loss or gradients are not finite. */
    public enum Policy {
        /** End training with a {@link TrainingException} naming epoch, batch and layer (the default). */
        STOP,
        /** Leave the batch out (no optimizer step) and go on; an epoch whose every batch is left out stops training. */
        SKIP_BATCH
    }

    /** Index of the first value that is NaN or infinite, or -1. */
    static int firstNonFinite(float[] a) {
        for (int i = 0; i < a.length; i++) if (!Float.isFinite(a[i])) return i;
        return -1;
    }

    /** "gradient of conv2d.weight holds NaN (at 17)" for the first trainable parameter with a non-finite gradient, or null. */
    public static String firstBadGradient(Model model) {
        for (Map.Entry<String, Tensor> p : model.parameters().entrySet()) {
            if (!p.getValue().hasGrad()) continue;
            float[] g = p.getValue().gradBuffer();
            int i = firstNonFinite(g);
            if (i >= 0) return "the gradient of " + p.getKey() + " holds " + g[i] + " (at " + i + ")";
        }
        return null;
    }

    /** "weights of dense.bias hold Infinity (at 3)" for the first parameter or buffer holding a non-finite value, or null. */
    public static String firstBadWeight(Model model) {
        for (Map.Entry<String, Tensor> p : model.state().entrySet()) {
            float[] v = p.getValue().data();
            int i = firstNonFinite(v);
            if (i >= 0) return p.getKey() + " holds " + v[i] + " (at " + i + ")";
        }
        return null;
    }

    /**
     * Runs the {@code inputs} through the model again (no gradients) and names the first layer whose output is
     * not finite, or else the layer with the largest magnitude; then any non-finite weight.
     */
    public static String locate(Model model, boolean training, Tensor... inputs) {
        StringBuilder where = new StringBuilder();
        try (var noGrad = Autograd.noGrad(); var scope = Workspace.open()) {
            Tensor[] outs = model.forwardAll(training, inputs);
            int largest = -1;
            double largestValue = -1;
            for (int n = 0; n < outs.length; n++) {
                if (outs[n] == null) continue;
                float[] d = outs[n].data();
                int i = firstNonFinite(d);
                GraphNode node = model.nodes().get(n);
                if (i >= 0) {
                    where.append("first non-finite output: layer ").append(node.name()).append(" (").append(node.spec().type())
                            .append(") gives ").append(d[i]);
                    largest = -1;
                    break;
                }
                double m = 0;
                for (float v : d) m = Math.max(m, Math.abs(v));
                if (m > largestValue) {
                    largestValue = m;
                    largest = n;
                }
            }
            if (largest >= 0) {
                GraphNode node = model.nodes().get(largest);
                where.append(String.format(Locale.ROOT, "largest activations: layer %s (%s), up to %.3g", node.name(), node.spec().type(), largestValue));
            }
        } catch (RuntimeException e) {
            where.append("the layers could not be run again: ").append(e.getMessage());
        }
        String weight = firstBadWeight(model);
        if (weight != null) where.append("; first non-finite weight: ").append(weight);
        return where.toString();
    }
}
