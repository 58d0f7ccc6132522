package dev.beak.nn;

import dev.beak.nn.train.EvaluationListener;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inference in batches behind {@link Model#predict} and {@link Model#predictOutputs}: the inputs (N, ...)
 * are cut into batches along N, the graph runs on each in evaluation mode without gradients inside a
 * {@link Workspace} scope, and every output is copied into one (N, ...) tensor per model output.
 * Outputs must be batch-first (their first dimension the batch's size), as every Beak layer's is.
 */
final class BatchedPrediction {
    private BatchedPrediction() {}

    /**
     * Every output of {@code model} for {@code inputs}, by {@link Model#outputNames()}, in the model's output
     * order; {@code listener} hears of every batch done.
     */
    static Map<String, Tensor> run(Model model, int batchSize, EvaluationListener listener, Tensor... inputs) {
        if (batchSize < 1) throw new IllegalArgumentException("the batch size must be >= 1, got " + batchSize);
        int n = samples(model, inputs);
        if (!model.isBuilt()) {
            int[][] shapes = new int[inputs.length][];
            for (int i = 0; i < inputs.length; i++) shapes[i] = Shape.dropFirst(inputs[i].shape());
            model.build(shapes);
        }
        List<String> names = model.outputNames();
        float[][] out = new float[names.size()][];
        int[][] outShapes = new int[names.size()][];
        int[] outputs = model.outputs(), ports = model.outputPorts();
        for (int o = 0; o < out.length && n == 0; o++) {       // no batch to run: the shapes the graph declares
            outShapes[o] = Shape.prepend(0, model.outputShape(outputs[o], ports[o]));
            out[o] = new float[0];
        }
        int batches = (n + batchSize - 1) / batchSize, done = 0;
        long start = System.nanoTime();
        try (var scope = Autograd.noGrad()) {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                Tensor[] batch = new Tensor[inputs.length];
                for (int i = 0; i < inputs.length; i++) batch[i] = rows(inputs[i], n, from, to);
                try (var ws = Workspace.open()) {
                    Tensor[] ys = model.forward(false, batch);
                    for (int o = 0; o < ys.length; o++) copy(model, names.get(o), ys[o], from, to, n, out, outShapes, o);
                }
                listener.onBatchEnd(++done, batches, to, (System.nanoTime() - start) / 1e9);
            }
        }
        Map<String, Tensor> r = new LinkedHashMap<>();
        for (int o = 0; o < out.length; o++) r.put(names.get(o), Tensor.of(out[o], outShapes[o]));
        return Collections.unmodifiableMap(r);
    }

    /** The number of samples N that every input shares. */
    private static int samples(Model model, Tensor... inputs) {
        if (inputs.length != model.inputCount()) {
            throw new IllegalArgumentException("model " + model.name() + " takes " + model.inputCount() + " input" + (model.inputCount() == 1 ? "" : "s")
                    + ", got " + inputs.length);
        }
        for (Tensor x : inputs) if (x.rank() < 1) throw new IllegalArgumentException("model input must be batch-first, got a scalar");
        int n = inputs[0].dim(0);
        for (int i = 1; i < inputs.length; i++) {
            if (inputs[i].dim(0) != n) {
                throw new IllegalArgumentException("model " + model.name() + ": input " + i + " has " + inputs[i].dim(0) + " samples, input 0 has " + n
                        + " (every input needs one row per sample)");
            }
        }
        return n;
    }

    /** Rows {@code [from, to)} of a batch-first tensor of {@code n} rows (itself when that is all of them). */
    private static Tensor rows(Tensor x, int n, int from, int to) {
        if (from == 0 && to == n) return x;
        int per = x.size() / n;
        int[] shape = x.shape();
        shape[0] = to - from;
        return Tensor.of(Arrays.copyOfRange(x.data(), from * per, to * per), shape);
    }

    /** Copies one batch's output {@code o} into its place; the output array is made at the first batch, from the shape the graph gave. */
    private static void copy(Model model, String name, Tensor y, int from, int to, int n, float[][] out, int[][] outShapes, int o) {
        if (y.rank() < 1 || y.dim(0) != to - from) {
            throw new IllegalStateException("model " + model.name() + ": output " + name + " " + Shape.toString(y.shape()) + " is not one row per sample of the batch of "
                    + (to - from) + "; run it unbatched with forward");
        }
        if (out[o] == null) {
            outShapes[o] = Shape.prepend(n, Shape.dropFirst(y.shape()));
            out[o] = new float[Shape.size(outShapes[o])];
        }
        int per = out[o].length / n;
        if (y.size() != (to - from) * per) {
            throw new IllegalStateException("model " + model.name() + ": output " + name + " changed shape between batches, now " + Shape.toString(y.shape()));
        }
        System.arraycopy(y.data(), 0, out[o], from * per, (to - from) * per);
    }
}
