package dev.beak.viz;

import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Runs a model's graph for explanation: in evaluation mode, with gradients taken with respect to the
 * input and every intermediate activation, while the parameters are frozen (no weight gradient is
 * computed or changed). Works on any {@link Model}, Sequential, graph or imported, through its nodes.
 *
 * {@snippet :
 * Probe probe = Probe.of(model);
 * try (var frozen = probe.freeze()) {
 *     Probe.Pass pass = probe.forward(image, probe.output());
 *     pass.output().backward(seed);                 // d score / d logits
 *     Tensor dInput = pass.input().grad();          // saliency
 *     Tensor dConv = pass.value(probe.node("conv2d_1")).grad();   // Grad-CAM
 * }
 * }
 *
 * <p>{@link #forward} evaluates only the nodes that the requested one depends on and does not check
 * the input size, so a convolutional prefix of a model runs on images of any size (Deep Dream).
 */
public final class Probe {
    private final Model model;

    private Probe(Model model) {
        if (!model.isBuilt()) throw new IllegalStateException("model " + model.name() + " is not built: give it an input shape first");
        this.model = model;
    }

    public static Probe of(Model model) {
        return new Probe(model);
    }

    public Model model() {
        return model;
    }

    /** One forward pass: the input (a copy that requires a gradient) and the value of every evaluated node. */
    public record Pass(Tensor input, Tensor[] values) {
        public Tensor value(int node) {
            Tensor v = values[node];
            if (v == null) throw new IllegalStateException("node " + node + " was not evaluated in this pass");
            return v;
        }

        /** The value of the last evaluated node. */
        public Tensor output() {
            for (int i = values.length - 1; i >= 0; i--) if (values[i] != null) return values[i];
            throw new IllegalStateException("no node was evaluated");
        }
    }

    /** Parameters frozen until {@link #close()}. */
    public final class Frozen implements AutoCloseable {
        private final List<Tensor> params = new ArrayList<>();
        private final boolean[] flags;

        private Frozen() {
            Collection<Tensor> all = model.parameters().values();
            flags = new boolean[all.size()];
            int i = 0;
            for (Tensor p : all) {
                params.add(p);
                flags[i++] = p.requiresGrad();
                p.requiresGrad(false);
            }
        }

        @Override
        public void close() {
            for (int i = 0; i < flags.length; i++) params.get(i).requiresGrad(flags[i]);
        }
    }

    /** Stops gradients at the parameters until the returned scope closes. */
    public Frozen freeze() {
        return new Frozen();
    }

    /** Index of the node named {@code name}; fails with the list of names. */
    public int node(String name) {
        List<GraphNode> nodes = model.nodes();
        for (int i = 0; i < nodes.size(); i++) if (nodes.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("model " + model.name() + " has no layer \"" + name + "\"; it has " + names());
    }

    public String name(int node) {
        return model.nodes().get(node).name();
    }

    /** All layer names in graph order. */
    public List<String> names() {
        return model.nodes().stream().map(GraphNode::name).toList();
    }

    /** The node of the model's (first) output. */
    public int output() {
        return model.outputs()[0];
    }

    /** Nodes whose per-sample output is an image (C, H, W): convolution, pooling, activation maps. */
    public List<Integer> imageNodes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < model.nodes().size(); i++) if (model.outputShape(i).length == 3) out.add(i);
        return out;
    }

    /** Nodes with weights of rank 4 (convolutions), in graph order. */
    public List<Integer> convNodes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < model.nodes().size(); i++) {
            if (model.layer(i).parameters().stream().anyMatch(p -> p.value().rank() == 4)) out.add(i);
        }
        return out;
    }

    /** The last convolution, where Grad-CAM looks by default. */
    public int lastConv() {
        List<Integer> c = convNodes();
        if (c.isEmpty()) throw new IllegalArgumentException("model " + model.name() + " has no convolution layer");
        return c.get(c.size() - 1);
    }

    /** The first convolution's weights (F, C, kH, kW). */
    public Tensor firstConvWeights() {
        List<Integer> c = convNodes();
        if (c.isEmpty()) throw new IllegalArgumentException("model " + model.name() + " has no convolution layer");
        return model.layer(c.get(0)).parameters().stream().filter(p -> p.value().rank() == 4).findFirst().orElseThrow().value();
    }

    /**
     * Runs the nodes that {@code last} depends on, in evaluation mode, on a copy of {@code x} that
     * requires a gradient (so that after a backward pass {@code pass.input().grad()} is d/dx).
     */
    public Pass forward(Tensor x, int last) {
        List<GraphNode> nodes = model.nodes();
        boolean[] needed = new boolean[nodes.size()];
        needed[last] = true;
        for (int i = last; i >= 0; i--) {
            if (!needed[i]) continue;
            for (int in : nodes.get(i).inputs()) {
                if (in >= 0) needed[in] = true;
                else if (in != GraphNode.MODEL_INPUT) {
                    throw new IllegalArgumentException("layer " + nodes.get(i).name() + " reads model input " + GraphNode.inputNumber(in)
                            + "; explanations take the first input only");
                }
            }
        }
        Tensor input = x.copy().requiringGrad();
        Tensor[] values = new Tensor[nodes.size()];
        Tensor[][] outputs = new Tensor[nodes.size()][];
        for (int i = 0; i <= last; i++) {
            if (!needed[i]) continue;
            int[] ins = nodes.get(i).inputs(), ports = nodes.get(i).ports();
            Tensor[] in = new Tensor[ins.length];
            for (int j = 0; j < ins.length; j++) in[j] = ins[j] >= 0 ? outputs[ins[j]][ports[j]] : input;
            try {
                outputs[i] = model.layer(i).forwardOutputs(false, in);
                values[i] = outputs[i][0];
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(nodes.get(i).name() + ": " + e.getMessage() + " (model input "
                        + Arrays.toString(model.inputShape()) + ")", e);
            }
        }
        return new Pass(input, values);
    }

    /**
     * The gradient of {@code sum_n seed[n, k] * out[n, k]} with respect to the input and every
     * activation up to node {@code last}, parameters frozen.
     */
    public Pass gradient(Tensor x, int last, float[] seed) {
        try (Frozen f = freeze()) {
            Pass pass = forward(x, last);
            pass.value(last).backward(seed);
            return pass;
        }
    }

    /** A seed that picks unit {@code classes[n]} of each row of an (N, K) output. */
    static float[] oneHot(int[] classes, int k) {
        float[] s = new float[classes.length * k];
        for (int n = 0; n < classes.length; n++) {
            if (classes[n] < 0 || classes[n] >= k) throw new IllegalArgumentException("class " + classes[n] + " is outside 0.." + (k - 1));
            s[n * k + classes[n]] = 1f;
        }
        return s;
    }
}
