package dev.beak.web;

import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The update-to-parameter ratio per layer (DL4J's training-page chart): for one optimizer step,
 * {@code ||W_after - W_before|| / ||W_before||} over all of a layer's trainable parameters. Around 1e-3 is
 * healthy; much higher means the learning rate is too high, much lower that the layer barely learns.
 * {@link #remember} copies the parameters; {@link #since} compares the current ones with that copy.
 */
public final class UpdateRatios {
    private final Map<String, float[]> before = new LinkedHashMap<>();

    /** Copies the trainable parameters of {@code model} (call after a step; the next step's change is measured). */
    public void remember(Model model) {
        before.clear();
        model.trainableParameters().forEach((name, t) -> before.put(name, t.data().clone()));
    }

    public boolean remembering() {
        return !before.isEmpty();
    }

    /** Ratio per layer (the parameter name up to its last dot) of the change since {@link #remember}; forgets the copy. */
    public Map<String, Double> since(Model model) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // layer -> {sum of squared changes, sum of squared old values}
        for (Map.Entry<String, Tensor> e : model.trainableParameters().entrySet()) {
            float[] old = before.get(e.getKey()), now = e.getValue().data();
            if (old == null || old.length != now.length) continue;
            double[] s = sums.computeIfAbsent(layerOf(e.getKey()), k -> new double[2]);
            for (int i = 0; i < now.length; i++) {
                double d = now[i] - old[i];
                s[0] += d * d;
                s[1] += (double) old[i] * old[i];
            }
        }
        before.clear();
        Map<String, Double> ratios = new LinkedHashMap<>();
        sums.forEach((layer, s) -> ratios.put(layer, s[1] == 0 ? 0 : Math.sqrt(s[0] / s[1])));
        return ratios;
    }

    /** {@code conv2d.weight} -> {@code conv2d}. */
    public static String layerOf(String parameter) {
        int dot = parameter.lastIndexOf('.');
        return dot > 0 ? parameter.substring(0, dot) : parameter;
    }
}
