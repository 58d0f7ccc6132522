package dev.beak.nn;

import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Dataset;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.optim.ParameterGroup;
import dev.beak.nn.train.Evaluation;
import dev.beak.nn.train.EvaluationListener;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.nn.train.Trainer;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.Parameter;
import dev.beak.nn.layer.RandomStream;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final int[] outputs, outputPorts;
    /** Each node's input indices and output ports, taken once (GraphNode's accessors copy; the forward pass reads these per node). */
    private final int[][] wiring, wiringPorts;
    private final int inputCount;
    private final long seed;
    private int[][] inputShapes;
    private Layer[] layers;
    private int[][][] outputShapes;
    private Trainer trainer;
    private CompileConfig compileConfig;
    private final Trainability trainability;
    /** Layers taken over from another model (shared weights) by node index, or null; the rest are built from their specs. */
    private Layer[] sharedLayers;

    Model(String name, List<GraphNode> nodes, int inputCount, int[] outputs, int[] outputPorts, int[][] inputShapes, long seed) {
        if (nodes.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        if (inputCount < 1) throw new IllegalArgumentException("a model needs at least one input");
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.inputCount = inputCount;
        this.outputs = outputs.clone();
        this.outputPorts = outputPorts == null ? new int[outputs.length] : outputPorts.clone();
        this.seed = seed;
        if (this.outputPorts.length != outputs.length) throw new IllegalArgumentException(outputs.length + " outputs but " + this.outputPorts.length + " ports");
        this.trainability = new Trainability(this.nodes);
        this.wiring = new int[nodes.size()][];
        this.wiringPorts = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            int[] ins = wiring[i] = nodes.get(i).inputs(), ports = wiringPorts[i] = nodes.get(i).ports();
            for (int j = 0; j < ins.length; j++) {
                int in = ins[j];
                boolean ok = in >= 0 ? in < i : GraphNode.inputNumber(in) < inputCount;
                if (!ok) throw new IllegalArgumentException("layer " + nodes.get(i).name() + " reads " + (in >= 0 ? "node " + in
                        + ", which does not come before it" : "model input " + GraphNode.inputNumber(in) + " of " + inputCount));
                checkPort(in, ports[j], "layer " + nodes.get(i).name());
            }
        }
        for (int o = 0; o < outputs.length; o++) {
            if (outputs[o] < 0 || outputs[o] >= nodes.size()) throw new IllegalArgumentException("output node " + outputs[o] + " is not in the graph");
            checkPort(outputs[o], this.outputPorts[o], "model output " + o);
        }
        if (inputShapes != null) build(inputShapes);
    }

    /**
     * A graph model from its nodes (in an order where each node comes after the nodes it reads), with
     * {@code inputCount} inputs and the given output nodes; built now when {@code inputShapes} is given,
     * else on its first input. The functional API, model files and importers use this.
     */
    public static Model graph(String name, List<GraphNode> nodes, int inputCount, int[] outputs, int[][] inputShapes, long seed) {
        return new Model(name, nodes, inputCount, outputs, null, inputShapes, seed);
    }

    /** The same, where model output {@code o} is output {@code outputPorts[o]} of node {@code outputs[o]} (layers with several outputs). */
    public static Model graph(String name, List<GraphNode> nodes, int inputCount, int[] outputs, int[] outputPorts, int[][] inputShapes, long seed) {
        return new Model(name, nodes, inputCount, outputs, outputPorts, inputShapes, seed);
    }

    /** A single-input model whose output is its last node. */
    public static Model graph(String name, List<GraphNode> nodes, int[] inputShape, long seed) {
        return new Model(name, nodes, 1, new int[] {nodes.size() - 1}, null, inputShape == null ? null : new int[][] {inputShape}, seed);
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

    public int inputCount() {
        return inputCount;
    }

    /** The node indices whose outputs are the model's outputs. */
    public int[] outputs() {
        return outputs.clone();
    }

    /** Which output of its node each model output is (0 unless a layer has several outputs). */
    public int[] outputPorts() {
        return outputPorts.clone();
    }

    /** The per-sample shape of input 0, or null before the model is built. */
    public int[] inputShape() {
        return inputShapes == null ? null : inputShapes[0].clone();
    }

    /** The per-sample shape of every input, or null before the model is built. */
    public int[][] inputShapes() {
        if (inputShapes == null) return null;
        int[][] r = new int[inputCount][];
        for (int i = 0; i < inputCount; i++) r[i] = inputShapes[i].clone();
        return r;
    }

    public boolean isBuilt() {
        return layers != null;
    }

    /** Builds every layer for the per-sample input shapes (idempotent for the same shapes). */
    public Model build(int[]... shapes) {
        if (shapes.length != inputCount) {
            throw new IllegalArgumentException("model " + name + " has " + inputCount + " inputs, got " + shapes.length + " shapes");
        }
        if (layers != null) {
            if (!Arrays.deepEquals(shapes, inputShapes)) {
                throw new IllegalArgumentException("model " + name + " was built for input " + describe(inputShapes)
                        + ", got " + describe(shapes));
            }
            return this;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Layer[] built = new Layer[nodes.size()];
        int[][][] out = new int[nodes.size()][][];
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode node = nodes.get(i);
            int[] ins = node.inputs(), ports = node.ports();
            int[][] in = new int[ins.length][];
            for (int j = 0; j < in.length; j++) {
                in[j] = ins[j] >= 0 ? out[ins[j]][ports[j]] : shapes[GraphNode.inputNumber(ins[j])];
            }
            try {
                out[i] = node.spec().outputShapes(in);
                SplittableRandom r = rng.split(); // drawn for shared layers too, so the others get the same weights either way
                built[i] = sharedLayers != null && sharedLayers[i] != null ? sharedLayers[i] : node.spec().build(r, in);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(node.name() + " (" + node.spec().type() + "): " + e.getMessage(), e);
            }
        }
        int[][] copy = new int[shapes.length][];
        for (int i = 0; i < shapes.length; i++) copy[i] = shapes[i].clone();
        this.inputShapes = copy;
        this.layers = built;
        this.outputShapes = out;
        this.sharedLayers = null;
        trainability.apply(built);
        return this;
    }

    /** Per-sample shape of (the first) output of node {@code i}. */
    public int[] outputShape(int i) {
        return outputShape(i, 0);
    }

    /** Per-sample shape of output {@code port} of node {@code i}. */
    public int[] outputShape(int i, int port) {
        requireBuilt();
        return outputShapes[i][port].clone();
    }

    /** Per-sample shape of the model's first output. */
    public int[] outputShape() {
        return outputShape(outputs[0], outputPorts[0]);
    }

    /** Runs a single-input model on a batch x (N, ...) and returns its first output; {@code training} turns dropout on. */
    public Tensor forward(Tensor x, boolean training) {
        return run(training, x)[outputs[0]][outputPorts[0]];
    }

    /** Runs the graph on one batch per input and returns the model's outputs. */
    public Tensor[] forward(boolean training, Tensor... inputs) {
        Tensor[][] values = run(training, inputs);
        Tensor[] r = new Tensor[outputs.length];
        for (int i = 0; i < r.length; i++) r[i] = values[outputs[i]][outputPorts[i]];
        return r;
    }

    /** Runs a single-input graph and returns every node's output (for looking at intermediate activations). */
    public Tensor[] forwardAll(Tensor x, boolean training) {
        return forwardAll(training, x);
    }

    /** Runs the graph and returns every node's (first) output, indexed like {@link #nodes()}. */
    public Tensor[] forwardAll(boolean training, Tensor... inputs) {
        Tensor[][] values = run(training, inputs);
        Tensor[] first = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) first[i] = values[i][0];
        return first;
    }

    /** Every output of every node, indexed like {@link #nodes()}, then by output port. */
    private Tensor[][] run(boolean training, Tensor... inputs) {
        if (inputs.length != inputCount) {
            throw new IllegalArgumentException("model " + name + " takes " + inputCount + " inputs, got " + inputs.length);
        }
        int[][] sample = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].rank() < 1) throw new IllegalArgumentException("model input must be batch-first, got a scalar");
            sample[i] = Shape.dropFirst(inputs[i].shape());
        }
        if (layers == null) build(sample);
        for (int i = 0; i < inputs.length; i++) {
            if (!Arrays.equals(sample[i], inputShapes[i])) {
                throw new IllegalArgumentException("model " + name + " expects input" + (inputCount > 1 ? " " + i : "") + " (N, "
                        + Shape.toString(inputShapes[i]).substring(1) + ", got " + Shape.toString(inputs[i].shape()));
            }
        }
        Tensor[][] values = new Tensor[nodes.size()][];
        for (int i = 0; i < values.length; i++) {
            int[] ins = wiring[i], ports = wiringPorts[i];
            Tensor[] in = new Tensor[ins.length];
            for (int j = 0; j < ins.length; j++) in[j] = ins[j] >= 0 ? values[ins[j]][ports[j]] : inputs[GraphNode.inputNumber(ins[j])];
            // A frozen layer runs as in inference (Keras' rule), so a frozen BatchNorm keeps its running statistics.
            boolean asTraining = training && !trainability.isFrozen(i);
            values[i] = nodes.get(i).spec().outputCount() == 1 ? new Tensor[] {layers[i].forward(asTraining, in)}
                    : layers[i].forwardOutputs(asTraining, in);
        }
        return values;
    }

    /**
     * The first output of a single-input model for {@code x} (N, ...), in evaluation mode, without
     * gradients, in batches of {@code batchSize}; {@link #predictOutputs} gives every output of a model.
     */
    public Tensor predict(Tensor x, int batchSize) {
        return predict(x, batchSize, EvaluationListener.NONE);
    }

    /** {@link #predict(Tensor, int)}, telling {@code listener} of every batch done (a progress bar). */
    public Tensor predict(Tensor x, int batchSize, EvaluationListener listener) {
        return BatchedPrediction.run(this, batchSize, listener, x).values().iterator().next();
    }

    /**
     * Every output of the model for one batch-first tensor per input, in evaluation mode, without
     * gradients, in batches of {@code batchSize}: a map from {@link #outputNames()} to (N, ...) tensors,
     * in the model's output order (as ONNX Runtime's {@code session.run} returns them).
     *
     * {@snippet :
     * Map<String, Tensor> y = model.predictOutputs(256, images, metadata);
     * Tensor digit = y.get("digit"), parity = y.get("parity");
     * }
     */
    public Map<String, Tensor> predictOutputs(int batchSize, Tensor... inputs) {
        return BatchedPrediction.run(this, batchSize, EvaluationListener.NONE, inputs);
    }

    /**
     * The names of the model's outputs, in order: the layer's name for its first output and
     * {@code layer:port} for the others (the names ONNX export gives them), or the name an imported
     * graph gave the tensor; a second output of the same tensor is {@code output_o}.
     */
    public List<String> outputNames() {
        List<String> names = new ArrayList<>();
        for (int o = 0; o < outputs.length; o++) {
            GraphNode node = nodes.get(outputs[o]);
            int port = outputPorts[o];
            String name = node.spec().outputName(port).orElse(port == 0 ? node.name() : node.name() + ":" + port);
            names.add(names.contains(name) ? "output_" + o : name);
        }
        return List.copyOf(names);
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

    /** Non-trainable state by qualified name ({@code batch_norm.running_mean}), in graph order. */
    public Map<String, Tensor> buffers() {
        requireBuilt();
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (Parameter p : layers[i].buffers()) buffers.put(nodes.get(i).name() + "." + p.name(), p.value());
        }
        return buffers;
    }

    /** The random streams of every layer by qualified name ({@code dropout.masks}), in graph order. */
    public Map<String, RandomStream> randomStreams() {
        requireBuilt();
        Map<String, RandomStream> streams = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String layer = nodes.get(i).name();
            layers[i].randomStreams().forEach((n, s) -> streams.put(layer + "." + n, s));
        }
        return streams;
    }

    /** Everything a model file stores: parameters, then buffers. */
    public Map<String, Tensor> state() {
        Map<String, Tensor> all = new LinkedHashMap<>(parameters());
        all.putAll(buffers());
        return all;
    }

    // ---- transfer learning: cutting a base, putting a head on it --------------------------------

    /**
     * The part of this model that computes layer {@code layerName}: that layer and every layer it
     * depends on, with the same inputs, ending at the layer's (first) output. The layers are shared,
     * not copied: training either model changes both. Freeze flags and learning-rate multipliers
     * of the kept layers come along.
     *
     * {@snippet :
     * Model base = pretrained.truncatedAt("flatten");       // the convolutional base, same weights
     * }
     */
    public Model truncatedAt(String layerName) {
        requireBuilt();
        int cut = trainability.index(layerName);
        boolean[] keep = new boolean[cut + 1];
        keep[cut] = true;
        for (int i = cut; i >= 0; i--) {
            if (keep[i]) for (int in : nodes.get(i).inputs()) if (in >= 0) keep[in] = true;
        }
        int[] index = new int[cut + 1];
        List<GraphNode> kept = new ArrayList<>();
        List<Layer> shared = new ArrayList<>();
        for (int i = 0; i <= cut; i++) {
            if (!keep[i]) continue;
            GraphNode n = nodes.get(i);
            int[] ins = n.inputs();
            for (int j = 0; j < ins.length; j++) if (ins[j] >= 0) ins[j] = index[ins[j]];
            index[i] = kept.size();
            kept.add(new GraphNode(n.name(), n.spec(), ins, n.ports()));
            shared.add(layers[i]);
        }
        Model m = new Model(name, kept, inputCount, new int[] {kept.size() - 1}, null, null, seed);
        return m.sharing(shared.toArray(Layer[]::new), inputShapes, trainability.settings().restrictedTo(m.layerNames()));
    }

    /**
     * This model with {@code head} applied to its (first) output: the graph of both, sharing the
     * layers of both (no copies), with the freeze flags and learning-rate multipliers of both. The
     * head is any single-input model whose input shape is this model's output shape, written with
     * {@link Sequential} or {@link Functional}; a head layer whose name is taken in this model gets
     * a suffix ({@code dense} becomes {@code dense_1}).
     *
     * {@snippet :
     * Model head = Sequential.of(Layers.dense(256, Activation.RELU), Layers.dropout(0.5), Layers.dense(classes))
     *         .withInputShape(base.outputShape());
     * Model model = base.freezeAll().followedBy(head);
     * }
     */
    public Model followedBy(Model head) {
        requireBuilt();
        if (head.inputCount != 1) throw new IllegalArgumentException("a head takes one input; " + head.name + " takes " + head.inputCount);
        int[] from = outputShape();
        if (!head.isBuilt()) head.build(from);
        if (!Arrays.equals(head.inputShape(), from)) {
            throw new IllegalArgumentException("head " + head.name + " takes " + Shape.toString(head.inputShape()) + " but model " + name
                    + " gives " + Shape.toString(from) + " at " + nodes.get(outputs[0]).name());
        }
        List<GraphNode> all = new ArrayList<>(nodes);
        java.util.Set<String> taken = new java.util.HashSet<>(layerNames());
        Map<String, String> renamed = new LinkedHashMap<>();
        int offset = nodes.size();
        for (GraphNode n : head.nodes) {
            String unique = n.name();
            for (int k = 1; !taken.add(unique); k++) unique = n.name() + "_" + k;
            renamed.put(n.name(), unique);
            int[] ins = n.inputs(), ports = n.ports();
            for (int j = 0; j < ins.length; j++) {
                if (ins[j] >= 0) {
                    ins[j] += offset;
                } else {
                    ins[j] = outputs[0];
                    ports[j] = outputPorts[0];
                }
            }
            all.add(new GraphNode(unique, n.spec(), ins, ports));
        }
        int[] outs = head.outputs.clone();
        for (int o = 0; o < outs.length; o++) outs[o] += offset;
        Layer[] shared = Arrays.copyOf(layers, all.size());
        System.arraycopy(head.layers, 0, shared, offset, head.layers.length);
        TrainingSettings mine = trainingSettings(), theirs = head.trainingSettings();
        List<String> frozen = new ArrayList<>(mine.frozen());
        theirs.frozen().forEach(f -> frozen.add(renamed.get(f)));
        Map<String, Double> multipliers = new LinkedHashMap<>(mine.learningRateMultipliers());
        theirs.learningRateMultipliers().forEach((k, v) -> multipliers.put(renamed.get(k), v));
        Model m = new Model(name, all, inputCount, outs, head.outputPorts, null, seed);
        return m.sharing(shared, inputShapes, new TrainingSettings(frozen, multipliers));
    }

    /** Builds this new model on {@code layers} (shared with another model) and applies {@code settings}. */
    private Model sharing(Layer[] layers, int[][] shapes, TrainingSettings settings) {
        this.sharedLayers = layers;
        build(shapes);
        return setTrainingSettings(settings);
    }

    /** The layer names, in graph order. */
    public List<String> layerNames() {
        return nodes.stream().map(GraphNode::name).toList();
    }

    // ---- fine-tuning: freezing and per-layer learning rates ------------------------------------

    /**
     * Freezes every layer whose name starts with one of {@code namePrefixes}: its parameters get no
     * gradient and no update. {@code freeze("conv2d")} freezes conv2d, conv2d_1, ...
     */
    public Model freeze(String... namePrefixes) {
        return setFrozen(true, namePrefixes);
    }

    public Model unfreeze(String... namePrefixes) {
        return setFrozen(false, namePrefixes);
    }

    /** Freezes ({@code false}) or unfreezes exactly the layer called {@code layerName}. */
    public Model setTrainable(String layerName, boolean trainable) {
        int i = trainability.index(layerName);
        trainability.setFrozen(k -> k == i, !trainable);
        trainability.apply(layers);
        return this;
    }

    /** Freezes every layer up to and including {@code layerName} (in graph order): the pretrained base. */
    public Model freezeUpTo(String layerName) {
        int last = trainability.index(layerName);
        trainability.setFrozen(i -> i <= last, true);
        trainability.apply(layers);
        return this;
    }

    /** Unfreezes {@code layerName} and every layer after it (in graph order): the top block to fine-tune, and the head. */
    public Model unfreezeFrom(String layerName) {
        int first = trainability.index(layerName);
        trainability.setFrozen(i -> i >= first, false);
        trainability.apply(layers);
        return this;
    }

    /** Freezes every layer. */
    public Model freezeAll() {
        trainability.setFrozen(i -> true, true);
        trainability.apply(layers);
        return this;
    }

    /** Multiplies the learning rate of every layer whose name starts with {@code namePrefix} by {@code multiplier}. */
    public Model setLearningRateMultiplier(String namePrefix, double multiplier) {
        for (int i : trainability.matching(namePrefix)) trainability.setMultiplier(i, multiplier);
        return this;
    }

    /** False when the layer called {@code layerName} is frozen. */
    public boolean isTrainable(String layerName) {
        return !trainability.isFrozen(trainability.index(layerName));
    }

    /** Which layers are frozen and which learning-rate multipliers differ from 1, by layer name (what a model file stores). */
    public TrainingSettings trainingSettings() {
        return trainability.settings();
    }

    /**
     * Replaces every freeze flag and multiplier with {@code settings} (layers it does not name become
     * trainable with multiplier 1); fails, changing nothing, when it names a layer this model lacks.
     */
    public Model setTrainingSettings(TrainingSettings settings) {
        trainability.restore(settings);
        trainability.apply(layers);
        return this;
    }

    /** The parameters of the layers that are not frozen, by qualified name. */
    public Map<String, Tensor> trainableParameters() {
        requireBuilt();
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (trainability.isFrozen(i)) continue;
            for (Parameter p : layers[i].parameters()) params.put(nodes.get(i).name() + "." + p.name(), p.value());
        }
        return params;
    }

    /** The trainable parameters grouped by learning-rate multiplier, for {@link Optimizer#stepGroups}. */
    public List<ParameterGroup> parameterGroups() {
        requireBuilt();
        return trainability.groups(layers);
    }

    private Model setFrozen(boolean value, String... namePrefixes) {
        for (String prefix : namePrefixes) {
            int[] hits = trainability.matching(prefix);
            trainability.setFrozen(i -> Arrays.binarySearch(hits, i) >= 0, value);
        }
        trainability.apply(layers);
        return this;
    }

    /** The memory and multiply-add table of one sample's forward, for the shapes the model was built for (see {@link ModelProfile}). */
    public ModelProfile profile() {
        return ModelProfile.of(this);
    }

    public long parameterCount() {
        long n = 0;
        for (Tensor t : parameters().values()) n += t.size();
        return n;
    }

    /**
     * Sets the optimizer, loss and extra metrics for {@link #fit} and {@link #evaluate}; loss and
     * accuracy are always reported.
     */
    public Model compile(Optimizer optimizer, Loss loss, Metric... metrics) {
        this.trainer = new Trainer(this, optimizer, loss, List.of(metrics));
        this.compileConfig = new CompileConfig(loss, List.of(metrics));
        return this;
    }

    /**
     * Compiles a model with several outputs: one loss per output, in the model's output order; the
     * training loss is their sum, and each output's loss and accuracy are logged under its layer name.
     * (A model file keeps the compile settings of single-loss models only.)
     */
    public Model compile(Optimizer optimizer, List<Loss> losses, Metric... metrics) {
        this.trainer = new Trainer(this, optimizer, losses, List.of(metrics));
        this.compileConfig = losses.size() == 1 ? new CompileConfig(losses.getFirst(), List.of(metrics)) : null;
        return this;
    }

    /** The loss and metrics of the last {@link #compile}, or empty before the model is compiled. */
    public Optional<CompileConfig> compileConfig() {
        return Optional.ofNullable(compileConfig);
    }

    /** Trains on {@code train}; see {@link Trainer#fit}. */
    public History fit(Dataset train, FitOptions options) {
        return compiled().fit(train, options);
    }

    /** Trains on batches from {@code train}, for example a background {@code DataLoader}; see {@link Trainer#fit}. */
    public History fit(BatchSource train, FitOptions options) {
        return compiled().fit(train, options);
    }

    /** Mean loss and accuracy over {@code data}, in evaluation mode. */
    public Evaluation evaluate(Dataset data, int batchSize) {
        return compiled().evaluate(data, batchSize);
    }

    /** {@link #evaluate(Dataset, int)}, telling {@code listener} of every batch done (a progress bar, Keras' {@code on_test_batch_end}). */
    public Evaluation evaluate(Dataset data, int batchSize, EvaluationListener listener) {
        return compiled().evaluate(data, batchSize, listener);
    }

    private Trainer compiled() {
        if (trainer == null) throw new IllegalStateException("model " + name + " is not compiled: call compile(optimizer, loss) first");
        return trainer;
    }

    /** The Keras-style summary table (with "Connected to" for graphs); {@link #profile()} adds activations, memory and multiply-adds. */
    public String summary() {
        return Summary.of(this);
    }

    private void checkPort(int node, int port, String who) {
        int count = node >= 0 ? nodes.get(node).spec().outputCount() : 1;
        if (port < 0 || port >= count) {
            throw new IllegalArgumentException(who + " reads output " + port + " of " + (node >= 0 ? nodes.get(node).name() : "a model input")
                    + ", which has " + count + " output" + (count == 1 ? "" : "s"));
        }
    }

    private static String describe(int[][] shapes) {
        StringBuilder sb = new StringBuilder();
        for (int[] s : shapes) sb.append(sb.length() == 0 ? "" : ", ").append(Shape.toString(s));
        return sb.toString();
    }

    private void requireBuilt() {
        if (layers == null) {
            throw new IllegalStateException("model " + name + " is not built yet: give an input shape or run it once");
        }
    }
}
