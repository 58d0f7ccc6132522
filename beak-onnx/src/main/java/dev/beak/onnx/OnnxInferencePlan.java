package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.nn.layer.Layer;
import dev.beak.ops.ChannelAffineOp;
import dev.beak.ops.ReluOp;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The inference form of an imported graph: the model's nodes with chains of per-channel affine nodes
 * folded. Built from a {@link Model} in evaluation mode and never saved (the model's own graph and
 * weights are untouched). A chain starts at a Conv with constant weights, or at an affine node, and
 * takes each next node while it is the only reader of the previous one and not a model output:
 * <ul>
 *   <li>BatchNormalization (evaluation form) and Mul and Add by a per-channel constant ((C, 1, 1),
 *       (1, C, 1, 1) or a single value) become one scale and shift per channel, worked out in double;</li>
 *   <li>after a Conv, the scale multiplies each filter and the shift becomes the bias, so the
 *       convolution alone computes the chain (batch norm folded into the convolution);</li>
 *   <li>otherwise the chain runs as one {@link ChannelAffineOp} pass;</li>
 *   <li>after a convolution (and its affine nodes), an Add (or a Sum of two) that alone reads it, whose other input was
 *       computed before the chain (a residual connection), joins the chain: the convolution adds that input;</li>
 *   <li>a Relu ends the chain; the convolution applies it (and the residual) as its GEMM writes each tile,
 *       else it runs on the result.</li>
 * </ul>
 * Results differ from the graph's by rounding only (folded constants round once instead of per step).
 */
final class OnnxInferencePlan {
    /** Computes one node's outputs from the values so far. */
    private interface Step {
        Tensor[] run(Tensor[][] values, Tensor[] inputs);
    }

    private final Model model;
    private final int[] nodeOf;
    private final Step[] steps;
    private final int folded;

    private OnnxInferencePlan(Model model, int[] nodeOf, Step[] steps, int folded) {
        this.model = model;
        this.nodeOf = nodeOf;
        this.steps = steps;
        this.folded = folded;
    }

    /** Nodes folded into a neighbour (left out of the plan). */
    int foldedNodes() {
        return folded;
    }

    static OnnxInferencePlan of(Model model) {
        List<GraphNode> nodes = model.nodes();
        int n = nodes.size();
        // Readers of each node (a model output counts as one more), and the last reader seen.
        int[] readers = new int[n], reader = new int[n];
        for (int i = 0; i < n; i++) {
            for (int in : nodes.get(i).inputs()) {
                if (in >= 0) {
                    readers[in]++;
                    reader[in] = i;
                }
            }
        }
        for (int o : model.outputs()) readers[o]++;
        boolean[] absorbed = new boolean[n];
        List<Integer> order = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        int folded = 0;
        for (int i = 0; i < n; i++) {
            if (absorbed[i]) continue;
            Chain chain = Chain.from(model, i, readers, reader);
            int relu = fusableRelu(model, i, readers, reader);
            if (chain != null && (chain.last != i || chain.conv)) {
                for (int j : chain.members) absorbed[j] = true;
                folded += chain.members.size() - 1;
                order.add(chain.last);
                steps.add(chain.step(model));
            } else if (relu >= 0) {
                int node = i;
                absorbed[relu] = true;
                folded++;
                steps.add((values, inputs) -> reluInPlace(plain(model, node, values, inputs)));
                order.add(relu);
            } else {
                int node = i;
                steps.add((values, inputs) -> plain(model, node, values, inputs));
                order.add(i);
            }
        }
        return new OnnxInferencePlan(model, order.stream().mapToInt(Integer::intValue).toArray(), steps.toArray(Step[]::new), folded);
    }

    /** The model's outputs for {@code inputs} (batch-first, as {@link Model#forward} takes them); no gradients recorded. */
    Tensor[] run(Tensor... inputs) {
        int[][] expected = model.inputShapes();
        for (int k = 0; k < inputs.length; k++) {
            if (expected == null || inputs[k].rank() < 1 || !Arrays.equals(dev.beak.tensor.Shape.dropFirst(inputs[k].shape()), expected[k])) {
                return model.forward(false, inputs);   // unbuilt, or a shape error that the model words
            }
        }
        Tensor[][] values = new Tensor[model.nodes().size()][];
        for (int s = 0; s < steps.length; s++) values[nodeOf[s]] = steps[s].run(values, inputs);
        int[] outputs = model.outputs(), ports = model.outputPorts();
        Tensor[] r = new Tensor[outputs.length];
        for (int k = 0; k < r.length; k++) r[k] = values[outputs[k]][ports[k]];
        return r;
    }

    private static Tensor[] gather(GraphNode node, Tensor[][] values, Tensor[] inputs) {
        int[] ins = node.inputs(), ports = node.ports();
        Tensor[] in = new Tensor[ins.length];
        for (int j = 0; j < ins.length; j++) in[j] = ins[j] >= 0 ? values[ins[j]][ports[j]] : inputs[GraphNode.inputNumber(ins[j])];
        return in;
    }

    private static Tensor[] plain(Model model, int node, Tensor[][] values, Tensor[] inputs) {
        GraphNode g = model.nodes().get(node);
        Layer layer = model.layer(node);
        Tensor[] in = gather(g, values, inputs);
        return g.spec().outputCount() == 1 ? new Tensor[] {layer.forward(false, in)} : layer.forwardOutputs(false, in);
    }

    /** Ops whose one output is always a buffer they computed (never an input's), so a Relu may overwrite it; Sum too, given two inputs. */
    private static final java.util.Set<String> FRESH_OUTPUT = java.util.Set.of("Add", "Sub", "Gemm", "MatMul", "Conv");

    /**
     * The Relu that node {@code i} alone feeds, when i is one of {@link #FRESH_OUTPUT} and the Relu may run in
     * place on its output (i has one output, read only by the Relu, and is not a model output); else -1.
     */
    private static int fusableRelu(Model model, int i, int[] readers, int[] reader) {
        if (readers[i] != 1 || !(model.nodes().get(i).spec() instanceof OnnxNodeSpec spec) || spec.outputCount() != 1) return -1;
        // Sum of two or more inputs computes a new tensor; of one it is that input.
        boolean sum = spec.opType().equals("Sum") && model.nodes().get(i).inputs().length >= 2;
        if (!sum && !FRESH_OUTPUT.contains(spec.opType())) return -1;
        int next = reader[i];
        GraphNode r = model.nodes().get(next);
        boolean isRelu = r.spec() instanceof OnnxNodeSpec s && s.opType().equals("Relu") && s.outputCount() == 1;
        return isRelu && r.inputs().length == 1 && r.inputs()[0] == i && r.ports()[0] == 0 ? next : -1;
    }

    /** y := max(y, 0) in place on the only output of a node that computed it into its own buffer. */
    private static Tensor[] reluInPlace(Tensor[] y) {
        ReluOp.applyInPlace(y[0]);
        return y;
    }

    /** A foldable chain: its nodes, the per-channel scale and shift they come to, and whether a Relu ends it. */
    private static final class Chain {
        final List<Integer> members = new ArrayList<>();
        int last;
        boolean relu;
        boolean conv;
        /** The residual Add after the convolution (-1 for none), and which of its inputs is the other branch. */
        int add = -1, addend;
        double[] scale, shift;

        static Chain from(Model model, int head, int[] readers, int[] reader) {
            List<GraphNode> nodes = model.nodes();
            if (!(nodes.get(head).spec() instanceof OnnxNodeSpec spec) || spec.outputCount() != 1) return null;
            Chain c = new Chain();
            int channels = channels(spec);
            if (channels < 1) return null;
            c.scale = new double[channels];
            c.shift = new double[channels];
            Arrays.fill(c.scale, 1);
            c.members.add(head);
            c.last = head;
            if (spec.opType().equals("Conv") && constant(spec, 1)
                    && (spec.inputs().size() < 3 || constant(spec, 2) || spec.inputs().get(2) instanceof OnnxInput.Absent)) {
                c.conv = true;
            } else if (!c.absorb(model, head)) {
                return null;
            }
            while (readers[c.last] == 1) {
                int next = reader[c.last];
                if (!(nodes.get(next).spec() instanceof OnnxNodeSpec s) || s.outputCount() != 1) break;
                int[] ins = nodes.get(next).inputs();
                if (ins.length != 1 || ins[0] != c.last || nodes.get(next).ports()[0] != 0) break;
                if (s.opType().equals("Relu")) {
                    c.take(next);
                    c.relu = true;
                    break;
                }
                if (!c.absorb(model, next)) break;
                c.take(next);
            }
            if (c.conv && !c.relu && c.residual(model, head, readers, reader) && readers[c.last] == 1 && isRelu(nodes.get(reader[c.last]), c.last)) {
                c.take(reader[c.last]);
                c.relu = true;
            }
            return c;
        }

        private void take(int node) {
            members.add(node);
            last = node;
        }

        /**
         * Takes the Add (or Sum of two) that alone reads the convolution's result when its other input is a value computed
         * before the chain's head (a residual connection: ResNet's shortcut), so the convolution adds it.
         */
        private boolean residual(Model model, int head, int[] readers, int[] reader) {
            if (readers[last] != 1) return false;
            int next = reader[last];
            GraphNode a = model.nodes().get(next);
            // Add, or a Sum of two (caffe2's exports), from the opsets on which both broadcast as Ops.add does.
            if (!(a.spec() instanceof OnnxNodeSpec s) || !(s.opType().equals("Add") && s.opset() >= 7 || s.opType().equals("Sum") && s.opset() >= 8)
                    || s.outputCount() != 1
                    || s.inputs().size() != 2 || a.inputs().length != 2) return false;
            for (OnnxInput in : s.inputs()) if (!(in instanceof OnnxInput.Graph g) || g.scalar()) return false;
            int mine = a.inputs()[0] == last && a.ports()[0] == 0 ? 0 : a.inputs()[1] == last && a.ports()[1] == 0 ? 1 : -1;
            if (mine < 0 || a.inputs()[1 - mine] >= head) return false;
            take(next);
            add = next;
            addend = 1 - mine;
            return true;
        }

        /** Whether {@code r} is a Relu of output 0 of node {@code of} alone. */
        private static boolean isRelu(GraphNode r, int of) {
            return r.spec() instanceof OnnxNodeSpec s && s.opType().equals("Relu") && s.outputCount() == 1
                    && r.inputs().length == 1 && r.inputs()[0] == of && r.ports()[0] == 0;
        }

        /** Folds affine node {@code i} into the scale and shift, if it is one this plan knows. */
        boolean absorb(Model model, int i) {
            OnnxNodeSpec s = (OnnxNodeSpec) model.nodes().get(i).spec();
            Tensor[] k = OnnxNodeSpec.constants(model.layer(i));
            if (k == null || channels(s) != scale.length) return false;
            int graphInput = graphInput(s);
            if (graphInput < 0) return false;
            switch (s.opType()) {
                case "BatchNormalization" -> {
                    if (graphInput != 0 || s.opset() < 7 || s.inputs().size() != 5 || s.outputs().size() != 1) return false;
                    OnnxAttribute mode = s.attributes().get("training_mode");
                    if (mode instanceof OnnxAttribute.IntValue v && v.value() != 0) return false;
                    float eps = s.attributes().get("epsilon") instanceof OnnxAttribute.FloatValue f ? f.value() : 1e-5f;
                    for (int q = 1; q < 5; q++) if (k[q] == null || k[q].size() != scale.length) return false;
                    float[] g = k[1].data(), b = k[2].data(), mean = k[3].data(), var = k[4].data();
                    for (int ch = 0; ch < scale.length; ch++) {
                        double m = g[ch] / Math.sqrt(var[ch] + (double) eps);
                        scale[ch] *= m;
                        shift[ch] = shift[ch] * m + (b[ch] - mean[ch] * m);
                    }
                    return true;
                }
                case "Mul", "Add" -> {
                    if (s.inputs().size() != 2) return false;
                    Tensor t = k[1 - graphInput];
                    if (t == null || !perChannel(t, s)) return false;
                    float[] d = t.data();
                    boolean mul = s.opType().equals("Mul");
                    for (int ch = 0; ch < scale.length; ch++) {
                        double v = d[d.length == 1 ? 0 : ch];
                        if (mul) {
                            scale[ch] *= v;
                            shift[ch] *= v;
                        } else {
                            shift[ch] += v;
                        }
                    }
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        /** The step that computes the chain's last node. */
        Step step(Model model) {
            int head = members.get(0);
            GraphNode first = model.nodes().get(head);
            boolean relu = this.relu;
            if (!conv) {
                float[] k = toFloat(scale), t = toFloat(shift);
                return (values, inputs) -> {
                    Tensor x = gather(first, values, inputs)[graphInput((OnnxNodeSpec) first.spec())];
                    return new Tensor[] {ChannelAffineOp.apply(x, k, t, relu)};
                };
            }
            // The convolution adds the residual and applies the Relu itself, in its GEMM's write-back where it can.
            boolean residual = add >= 0;
            int affine = members.size() - 1 - (relu ? 1 : 0) - (residual ? 1 : 0);
            Layer convLayer = affine == 0 ? frozenConv(model, head, residual, relu) : foldedConv(model, head, residual, relu);
            if (!residual) return (values, inputs) -> new Tensor[] {convLayer.forward(false, gather(first, values, inputs))};
            GraphNode sum = model.nodes().get(add);
            int other = sum.inputs()[addend], port = sum.ports()[addend];
            return (values, inputs) -> {
                Tensor[] in = gather(first, values, inputs), withAddend = Arrays.copyOf(in, in.length + 1);
                withAddend[in.length] = other >= 0 ? values[other][port] : inputs[GraphNode.inputNumber(other)];
                return new Tensor[] {convLayer.forward(false, withAddend)};
            };
        }

        /** The Conv of node {@code head} over the model's own weights, frozen for the plan's lifetime, with the fusions after it. */
        private static Layer frozenConv(Model model, int head, boolean addAfter, boolean relu) {
            OnnxNodeSpec spec = (OnnxNodeSpec) model.nodes().get(head).spec();
            return spec.instantiate(OnnxNodeSpec.constants(model.layer(head)).clone(), true, addAfter, relu);
        }

        /** The Conv of node {@code head} with the scale folded into its filters and the shift into its bias. */
        private Layer foldedConv(Model model, int head, boolean addAfter, boolean relu) {
            OnnxNodeSpec spec = (OnnxNodeSpec) model.nodes().get(head).spec();
            Tensor[] k = OnnxNodeSpec.constants(model.layer(head));
            Tensor w = k[1], b = k.length > 2 ? k[2] : null;   // null when absent
            int f = w.dim(0), per = w.size() / f;
            float[] wd = w.data(), fw = new float[wd.length], fb = new float[f];
            for (int o = 0; o < f; o++) {
                for (int j = o * per; j < (o + 1) * per; j++) fw[j] = (float) (wd[j] * scale[o]);
                fb[o] = (float) ((b == null ? 0 : b.data()[o]) * scale[o] + shift[o]);
            }
            List<OnnxInput> inputs = new ArrayList<>(spec.inputs());
            List<Integer> types = new ArrayList<>(spec.inputTypes());
            if (inputs.size() < 3) {
                inputs.add(new OnnxInput.Weight("folded_bias", List.of(f), false));
                types.add(DataType.FLOAT_VALUE);
            } else {
                inputs.set(2, new OnnxInput.Weight("folded_bias", List.of(f), false));
            }
            OnnxNodeSpec withBias = new OnnxNodeSpec(spec.opType(), spec.domain(), spec.opset(), spec.attributes(), inputs, types,
                    spec.outputs(), spec.outputShapes());
            Tensor[] weights = new Tensor[inputs.size()];
            weights[1] = Tensor.of(fw, w.shape());
            weights[2] = Tensor.of(fb, f);
            return withBias.instantiate(weights, true, addAfter, relu);
        }

        /** Channels of the node's (first) output: axis 1 of its recorded shape; 0 when unknown or not (N, C, ...). */
        private static int channels(OnnxNodeSpec s) {
            if (s.outputShapes().isEmpty() || s.outputShapes().get(0).size() < 2) return 0;
            return s.outputShapes().get(0).get(1);
        }

        /** The index of the node's only graph input, or -1 when it has none or several. */
        private static int graphInput(OnnxNodeSpec s) {
            int at = -1;
            for (int q = 0; q < s.inputs().size(); q++) {
                if (s.inputs().get(q) instanceof OnnxInput.Graph g) {
                    if (at >= 0 || g.scalar()) return -1;
                    at = q;
                } else if (s.inputTypes().get(q) != DataType.FLOAT_VALUE && !(s.inputs().get(q) instanceof OnnxInput.Absent)) {
                    return -1;
                }
            }
            return at;
        }

        private static boolean constant(OnnxNodeSpec s, int q) {
            return q < s.inputs().size() && (s.inputs().get(q) instanceof OnnxInput.Weight || s.inputs().get(q) instanceof OnnxInput.Value);
        }

        /** Whether t broadcasts against the output (N, C, ...) along the channel axis only (or is a single value). */
        private static boolean perChannel(Tensor t, OnnxNodeSpec s) {
            int rank = s.outputShapes().get(0).size(), c = s.outputShapes().get(0).get(1);
            if (t.size() == 1) return t.rank() <= rank;
            if (t.rank() > rank || t.rank() < rank - 1) return false;
            for (int d = 0; d < t.rank(); d++) {
                int axis = rank - t.rank() + d;
                if (t.dim(d) != (axis == 1 ? c : 1)) return false;
            }
            return true;
        }

        private static float[] toFloat(double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
            return f;
        }
    }
}
