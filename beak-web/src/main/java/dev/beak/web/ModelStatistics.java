package dev.beak.web;

import dev.beak.autograd.Autograd;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.util.LinkedHashMap;
import java.util.Map;

/** Histograms of what a model holds and computes: each node's activations, each trainable parameter and its gradient. */
public final class ModelStatistics {
    private ModelStatistics() {}

    /** Each node's output on {@code x} (evaluation mode, no gradients), by node name. */
    public static Map<String, Histogram> activations(Model model, Tensor x, int bins) {
        Map<String, Histogram> h = new LinkedHashMap<>();
        try (var scope = Autograd.noGrad(); var step = Workspace.open()) {
            Tensor[] all = model.forwardAll(x, false);
            for (int i = 0; i < all.length; i++) h.put(model.nodes().get(i).name(), Histogram.of(all[i].data(), bins));
        }
        return h;
    }

    /** Each trainable parameter's values, by parameter name. */
    public static Map<String, Histogram> weights(Model model, int bins) {
        Map<String, Histogram> h = new LinkedHashMap<>();
        model.trainableParameters().forEach((name, t) -> h.put(name, Histogram.of(t.data(), bins)));
        return h;
    }

    /** The gradient each trainable parameter holds (after a backward pass; the last training step's), by parameter name. */
    public static Map<String, Histogram> gradients(Model model, int bins) {
        Map<String, Histogram> h = new LinkedHashMap<>();
        model.trainableParameters().forEach((name, t) -> {
            Tensor g = t.grad();
            if (g != null) h.put(name, Histogram.of(g.data(), bins));
        });
        return h;
    }
}
