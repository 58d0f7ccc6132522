package dev.beak.nn.train;

import dev.beak.dataset.Batch;
import dev.beak.nn.Model;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.metric.Metric;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The losses of a model's outputs, one per output (Keras' multi-output compile): the training loss is
 * their sum. One loss given for a model with several outputs applies to each. Data with a single target
 * trains the first output only (auxiliary heads, such as GoogLeNet's, are left out). With one output the
 * figures are the familiar loss, accuracy and metrics; with several, "accuracy" is the mean of the
 * outputs' accuracies, and each output adds {@code <name>_loss}, {@code <name>_accuracy} and
 * {@code <name>_<metric>} (name: the layer that computes it).
 */
final class OutputLosses {
    private final Model model;
    private final List<Loss> losses;
    private final List<Metric> metrics;
    private final int outputs;

    /** Scores the outputs that {@code targets} targets per sample stand for: the first alone, or all of them. */
    OutputLosses(Model model, List<Loss> losses, List<Metric> metrics, int targets) {
        this.model = model;
        this.losses = losses;
        this.metrics = metrics;
        int outs = model.outputs().length;
        if (targets != 1 && targets != outs) {
            throw new IllegalArgumentException("model " + model.name() + " has " + outs + " outputs, but the data gives "
                    + targets + " targets per sample (one per output, in the model's order, or one for the first output)");
        }
        if (losses.size() != 1 && losses.size() != targets) {
            throw new IllegalArgumentException("model " + model.name() + " is trained on " + targets + " outputs but was compiled with " + losses.size() + " losses");
        }
        this.outputs = targets;
    }

    /** How many outputs are scored. */
    int outputs() {
        return outputs;
    }

    /** The figures of one batch; {@code total} is the loss to differentiate. */
    record Scores(Tensor total, double loss, double[] correct, double[] outputLosses, double[] metricSums) {}

    /** Runs the model on the batch's inputs and scores every output against its target. */
    Scores score(Batch batch, boolean training) {
        int outs = outputs;
        if (batch.inputs().size() != model.inputCount()) {
            throw new IllegalArgumentException("model " + model.name() + " takes " + model.inputCount() + " inputs, but the data gives "
                    + batch.inputs().size() + " per sample (use a MultiTensorDataset with one tensor per input)");
        }
        if (batch.targets().size() != outs) {
            throw new IllegalArgumentException("a batch gives " + batch.targets().size() + " targets, not " + outs + " like the rest of the data");
        }
        Tensor[] out = outs == 1 && model.inputCount() == 1 ? new Tensor[] {model.forward(batch.x(), training)}
                : model.forward(training, batch.inputs().toArray(Tensor[]::new));
        Tensor total = null;
        double[] correct = new double[outs], each = new double[outs], sums = new double[outs * metrics.size()];
        for (int o = 0; o < outs; o++) {
            Loss loss = losses.get(losses.size() == 1 ? 0 : o);
            Tensor y = batch.targets().get(o), l = loss.compute(out[o], y);
            total = total == null ? l : Ops.add(total, l);
            each[o] = l.item();
            correct[o] = loss.correct(out[o], y);
            for (int m = 0; m < metrics.size(); m++) sums[o * metrics.size() + m] = metrics.get(m).sum(out[o], y);
        }
        return new Scores(total, total.item(), correct, each, sums);
    }

    /** Accuracy over {@code samples} (the mean over outputs when there are several). */
    double accuracy(double[] correct, long samples) {
        double sum = 0;
        for (double c : correct) sum += c;
        return sum / correct.length / samples;
    }

    /** Compiled metrics and, with several outputs, each output's loss and accuracy, averaged over {@code samples}. */
    Map<String, Double> figures(double[] correct, double[] lossSums, double[] metricSums, long samples) {
        Map<String, Double> m = new LinkedHashMap<>();
        int outs = correct.length;
        for (int o = 0; o < outs; o++) {
            String prefix = outs == 1 ? "" : outputName(o) + "_";
            if (outs > 1) {
                m.put(prefix + "loss", samples == 0 ? Double.NaN : lossSums[o] / samples);
                m.put(prefix + "accuracy", samples == 0 ? Double.NaN : correct[o] / samples);
            }
            for (int k = 0; k < metrics.size(); k++) {
                m.put(prefix + metrics.get(k).name(), samples == 0 ? Double.NaN : metricSums[o * metrics.size() + k] / samples);
            }
        }
        return m;
    }

    private String outputName(int o) {
        int node = model.outputs()[o];
        return node >= 0 ? model.nodes().get(node).name() : "output_" + o;
    }
}
