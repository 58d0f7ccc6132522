package dev.beak.nn;

import dev.beak.autograd.Autograd;
import dev.beak.dataset.Dataset;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.train.Evaluation;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.nn.train.Trainer;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.Parameter;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A model: a graph of layer applications run by one executor. {@link Sequential} builds chains; the
 * graph form runs residual and multi-branch networks on the same code. Layers are built lazily, when
 * the per-sample input shape is first known (given, or seen in the first forward pass).
 *
 * {@snippet :
 * Model model = Sequential.of(Layers.conv2d(32, 5).withPadding(Padding.SAME), Layers.relu(),
 *         Layers.maxPool2d(2), Layers.flatten(), Layers.dense(10)).withInputShape(1, 28, 28);
 * Tensor logits = model.forward(x, false);
 * }
 */
public final class Model {
    private final String name;
    private final List<GraphNode> nodes;
    private final long seed;
    private int[] inputShape;
    private Layer[] layers;
    private int[][] outputShapes;
    private Trainer trainer;

    Model(String name, List<GraphNode> nodes, int[] inputShape, long seed) {
        if (nodes.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.seed = seed;
        for (int i = 0; i < nodes.size(); i++) {
            for (int in : nodes.get(i).inputs()) {
                if (in != GraphNode.MODEL_INPUT && (in < 0 || in >= i)) {
                    throw new IllegalArgumentException("layer " + nodes.get(i).name() + " reads node " + in + ", which does not come before it");
                }
            }
        }
        if (inputShape != null) build(inputShape);
    }

    /**
     * A graph model from its nodes (in an order where each node comes after the nodes it reads), built
     * now when {@code inputShape} is given, else on its first input. Model files and importers use this.
     */
    public static Model graph(String name, List<GraphNode> nodes, int[] inputShape, long seed) {
        return new Model(name, nodes, inputShape, seed);
    }

    public String name() {
        return name;
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public long seed() {
        return seed;
    }

    /** The per-sample input shape, or null before the model is built. */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    public boolean isBuilt() {
        return layers != null;
    }

    /** Builds every layer for per-sample input shape {@code shape} (idempotent for the same shape). */
    public Model build(int... shape) {
        if (layers != null) {
            if (!Arrays.equals(shape, inputShape)) {
                throw new IllegalArgumentException("model " + name + " was built for input " + Shape.toString(inputShape)
                        + ", got " + Shape.toString(shape));
            }
            return this;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Layer[] built = new Layer[nodes.size()];
        int[][] shapes = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode node = nodes.get(i);
            int[][] in = new int[node.inputs().length][];
            for (int j = 0; j < in.length; j++) in[j] = node.inputs()[j] == GraphNode.MODEL_INPUT ? shape : shapes[node.inputs()[j]];
            try {
                shapes[i] = node.spec().outputShape(in);
                built[i] = node.spec().build(rng.split(), in);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(node.name() + " (" + node.spec().type() + "): " + e.getMessage(), e);
            }
        }
        this.inputShape = shape.clone();
        this.layers = built;
        this.outputShapes = shapes;
        return this;
    }

    /** Per-sample output shape of node {@code i}. */
    public int[] outputShape(int i) {
        requireBuilt();
        return outputShapes[i].clone();
    }

    /** Per-sample output shape of the model. */
    public int[] outputShape() {
        return outputShape(nodes.size() - 1);
    }

    /** Runs the graph on a batch x (N, ...); {@code training} turns dropout on. */
    public Tensor forward(Tensor x, boolean training) {
        return forwardAll(x, training)[nodes.size() - 1];
    }

    /** Runs the graph and returns every node's output (for looking at intermediate activations). */
    public Tensor[] forwardAll(Tensor x, boolean training) {
        if (x.rank() < 1) throw new IllegalArgumentException("model input must be batch-first, got a scalar");
        int[] sample = Shape.dropFirst(x.shape());
        if (layers == null) build(sample);
        if (!Arrays.equals(sample, inputShape)) {
            throw new IllegalArgumentException("model " + name + " expects input (N, " + Shape.toString(inputShape).substring(1)
                    + ", got " + Shape.toString(x.shape()));
        }
        Tensor[] values = new Tensor[nodes.size()];
        for (int i = 0; i < values.length; i++) {
            int[] ins = nodes.get(i).inputs();
            Tensor[] in = new Tensor[ins.length];
            for (int j = 0; j < ins.length; j++) in[j] = ins[j] == GraphNode.MODEL_INPUT ? x : values[ins[j]];
            values[i] = layers[i].forward(training, in);
        }
        return values;
    }

    /** Outputs for {@code x} in evaluation mode, without recording gradients, in batches of {@code batchSize}. */
    public Tensor predict(Tensor x, int batchSize) {
        int n = x.dim(0), per = x.size() / Math.max(n, 1);
        if (layers == null) build(Shape.dropFirst(x.shape()));
        int[] outShape = Shape.prepend(n, outputShape());
        float[] out = new float[Shape.size(outShape)];
        int outPer = out.length / Math.max(n, 1);
        try (var scope = Autograd.noGrad()) {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                int[] bs = x.shape();
                bs[0] = to - from;
                Tensor batch = Tensor.of(Arrays.copyOfRange(x.data(), from * per, to * per), bs);
                try (var ws = Workspace.open()) {
                    System.arraycopy(forward(batch, false).data(), 0, out, from * outPer, (to - from) * outPer);
                }
            }
        }
        return Tensor.of(out, outShape);
    }

    /** The built layer of node {@code i}. */
    public Layer layer(int i) {
        requireBuilt();
        return layers[i];
    }

    /** All trainable tensors by qualified name ({@code conv2d.weight}), in graph order. */
    public Map<String, Tensor> parameters() {
        requireBuilt();
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (Parameter p : layers[i].parameters()) params.put(nodes.get(i).name() + "." + p.name(), p.value());
        }
        return params;
    }

    public long parameterCount() {
        long n = 0;
        for (Tensor t : parameters().values()) n += t.size();
        return n;
    }

    /** Sets the optimizer and loss for {@link #fit} and {@link #evaluate}; accuracy is always reported. */
    public Model compile(Optimizer optimizer, Loss loss) {
        this.trainer = new Trainer(this, optimizer, loss);
        return this;
    }

    /** Trains on {@code train}; see {@link Trainer#fit}. */
    public History fit(Dataset train, FitOptions options) {
        return compiled().fit(train, options);
    }

    /** Mean loss and accuracy over {@code data}, in evaluation mode. */
    public Evaluation evaluate(Dataset data, int batchSize) {
        return compiled().evaluate(data, batchSize);
    }

    private Trainer compiled() {
        if (trainer == null) throw new IllegalStateException("model " + name + " is not compiled: call compile(optimizer, loss) first");
        return trainer;
    }

    /** The Keras-style summary table. */
    public String summary() {
        return Summary.of(this);
    }

    private void requireBuilt() {
        if (layers == null) {
            throw new IllegalStateException("model " + name + " is not built yet: give an input shape or run it once");
        }
    }
}
