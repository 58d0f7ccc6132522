package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.beak.data.DataFileException;
import dev.beak.autograd.Autograd;
import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.Parameter;
import dev.beak.tensor.LimitExceededException;
import dev.beak.tensor.Limits;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports an ONNX model (opset 1 to {@link OnnxOps#MAX_OPSET}) as a Beak graph {@link Model}.
 *
 * <p>Each node is mapped through the one table {@link OnnxOps} and becomes one layer, an
 * {@link OnnxNodeSpec}: plain data that model files save and load. A node whose inputs are all known
 * at import (initializers, {@code Constant} nodes, results of such nodes) is computed once, here
 * (folded). A float constant that feeds a weight input ({@link OnnxOps#weightRole}: Conv, ConvTranspose,
 * Gemm and MatMul weights and their bias Add, norm scales, PReLU slopes) becomes a trainable parameter,
 * whether the file stores it as an initializer or computes it from Constant nodes (older exporters);
 * batch norm's statistics become buffers; other constants stay constants. Shape arithmetic on run-time
 * values (Shape, Gather, Concat of integers, Reshape targets) runs at run time on small float tensors,
 * so the batch size may change. Output shapes are worked out node by node as the graph is read (on
 * the example inputs, or zeros of the declared shapes) and recorded in each spec.
 */
public final class OnnxImporter {
    private OnnxImporter() {}

    /** Where a value of the ONNX graph comes from, with its ONNX element type. */
    private sealed interface Value {
        int dataType();
    }

    /**
     * Output {@code port} of graph node {@code node} ({@code >= 0}) or a model input ({@code node < 0}),
     * with its value on the example inputs (null once shapes are unknown).
     */
    private record Ref(int node, int port, boolean scalar, int dataType, Tensor example) implements Value {}

    /** A value known at import: an initializer, a Constant node's, or one folded from constants. */
    private record Const(Tensor tensor, int dataType, String name) implements Value {}

    public static OnnxModel load(Path file) throws IOException {
        return load(file, null);
    }

    /** Imports {@code file}; {@code examples} (may be null) are inputs whose shapes the dry run uses. */
    public static OnnxModel load(Path file, Tensor[] examples) throws IOException {
        return fromProto(read(file), modelName(file), examples);
    }

    /** The ModelProto in {@code file}; a file that is not one is named in the error. */
    static ModelProto read(Path file) throws IOException {
        try {
            return ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new DataFileException(file.toString(), "not an ONNX model (" + e.getMessage() + ")", e);
        }
    }

    /** The model's name: the file's without ".onnx", or its folder's for the model zoo's "model.onnx". */
    static String modelName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        return name.equals("model") && file.getParent() != null ? file.getParent().getFileName().toString() : name;
    }

    /** The ONNX model's opset for the default domain (1 when it names none). */
    public static int opset(ModelProto proto) {
        for (OperatorSetIdProto o : proto.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) return (int) o.getVersion();
        }
        return 1;
    }

    /**
     * Imports a parsed model. Every tensor made while reading it (initializers, folded constants, the
     * example run that works out output shapes) is capped by {@link Limits#maxElements}, and the node
     * count by {@link Limits#maxNodes}; a node that asks for more, or whose converter or kernel fails
     * on what the file gave it, ends the import with an {@link OnnxImportException} naming the node.
     */
    public static OnnxModel fromProto(ModelProto proto, String name, Tensor[] examples) {
        Limits limits = Limits.current();
        String tooMany = limits.nodesProblem("model " + name, proto.getGraph().getNodeCount());
        if (tooMany != null) throw new OnnxImportException(OnnxImportException.Reason.INVALID, tooMany);
        try (var cap = limits.capTensors()) {
            return read(proto, name, examples);
        }
    }

    private static OnnxModel read(ModelProto proto, String name, Tensor[] examples) {
        int opset = opset(proto);
        if (opset > OnnxOps.MAX_OPSET) {
            throw new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, "model " + name + " uses opset " + opset
                    + "; Beak imports opsets 1 to " + OnnxOps.MAX_OPSET);
        }
        GraphProto g = proto.getGraph();
        Map<String, Value> values = new HashMap<>();
        for (TensorProto t : g.getInitializerList()) values.put(t.getName(), new Const(initializer(t), t.getDataType(), t.getName()));
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto v : g.getInputList()) if (!values.containsKey(v.getName())) inputs.add(v);
        if (inputs.isEmpty()) {
            throw new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, "model " + name + " has no inputs (all constant)");
        }
        if (examples != null && examples.length != inputs.size()) {
            throw new IllegalArgumentException("model " + name + " has " + inputs.size() + " inputs, got " + examples.length + " examples");
        }
        int[] ranks = new int[inputs.size()];
        int[][] perSample = new int[inputs.size()][];
        for (int k = 0; k < inputs.size(); k++) {
            int[] shape = examples != null ? examples[k].shape() : declaredShape(inputs.get(k));
            ranks[k] = shape.length;
            Tensor x = examples != null ? examples[k] : Tensor.zeros(shape);
            Tensor example = shape.length == 0 ? x.view(1) : x;
            perSample[k] = Shape.dropFirst(example.shape());
            values.put(inputs.get(k).getName(), new Ref(GraphNode.modelInput(k), 0, shape.length == 0, inputs.get(k).getType().getTensorType().getElemType(), example));
        }
        Set<String> names = new HashSet<>();
        List<GraphNode> nodes = new ArrayList<>();
        List<Tensor[]> weights = new ArrayList<>();
        boolean shapesKnown = true;
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            String nodeName = unique(n.getName().isEmpty() ? n.getOpType().toLowerCase(java.util.Locale.ROOT) + "_" + i : n.getName(), names);
            if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                throw new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, nodeName, n.getOpType(), opset,
                        "domain \"" + n.getDomain() + "\" is not supported (only the default ONNX domain)");
            }
            Converter converter = OnnxOps.lookup(n.getOpType(), opset, nodeName);
            Value[] in = new Value[n.getInputCount()];
            Tensor[] constants = new Tensor[in.length];
            int[] inputTypes = new int[in.length];
            boolean foldable = true;
            for (int k = 0; k < in.length; k++) {
                if (n.getInput(k).isEmpty()) continue;
                in[k] = values.get(n.getInput(k));
                if (in[k] == null) {
                    throw new OnnxImportException(OnnxImportException.Reason.INVALID, nodeName, n.getOpType(), opset,
                            "input \"" + n.getInput(k) + "\" is not produced by any earlier node, initializer or graph input");
                }
                inputTypes[k] = in[k].dataType();
                if (in[k] instanceof Const c) constants[k] = c.tensor();
                foldable &= in[k] instanceof Const;
            }
            OnnxNode node = new OnnxNode(n, nodeName, opset, constants, inputTypes);
            OnnxOps.checkInputs(node);
            OnnxKernel kernel = guarded(node, () -> converter.convert(node));
            int outType = outputType(n, inputTypes);
            if (foldable) {
                Tensor[] out;
                try (var scope = Autograd.noGrad()) {
                    out = guarded(node, () -> kernel.apply(false, constants));
                }
                for (int k = 0; k < n.getOutputCount() && k < out.length; k++) {
                    if (!n.getOutput(k).isEmpty()) values.put(n.getOutput(k), new Const(out[k], outType, n.getOutput(k)));
                }
                continue;
            }
            List<String> producers = new ArrayList<>();
            for (Value v : in) producers.add(v instanceof Ref r && r.node() >= 0 ? nodes.get(r.node()).spec().type() : null);
            List<Ref> graphInputs = new ArrayList<>();
            List<OnnxInput> slots = new ArrayList<>();
            Tensor[] held = new Tensor[in.length];
            Set<String> weightNames = new HashSet<>();
            for (int k = 0; k < in.length; k++) {
                switch (in[k]) {
                    case null -> slots.add(new OnnxInput.Absent());
                    case Ref r -> {
                        int at = graphInputs.indexOf(r);
                        if (at < 0) {
                            at = graphInputs.size();
                            graphInputs.add(r);
                        }
                        slots.add(new OnnxInput.Graph(at, r.scalar()));
                    }
                    case Const c -> {
                        OnnxOps.WeightRole role = OnnxTensors.isInteger(c.dataType()) ? OnnxOps.WeightRole.CONSTANT
                                : OnnxOps.weightRole(n.getOpType(), k, producers);
                        if (role == OnnxOps.WeightRole.CONSTANT && (OnnxTensors.isInteger(c.dataType()) || c.tensor().size() <= INLINE_LIMIT)) {
                            slots.add(new OnnxInput.Value(dims(c.tensor().shape()), floats(c.tensor().data())));
                        } else {
                            slots.add(new OnnxInput.Weight(unique(c.name(), weightNames), dims(c.tensor().shape()), role == OnnxOps.WeightRole.TRAINABLE));
                            held[k] = c.tensor();
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
            Map<String, OnnxAttribute> attributes = new java.util.LinkedHashMap<>();
            for (var a : n.getAttributeList()) attributes.put(a.getName(), OnnxAttribute.of(a, node));
            List<Integer> types = new ArrayList<>();
            for (int t : inputTypes) types.add(t);
            OnnxNodeSpec spec = new OnnxNodeSpec(n.getOpType(), n.getDomain(), opset, attributes, slots, types, n.getOutputList(), List.of());
            // The node's output shapes, from its inputs' (run on the example inputs, node by node).
            Tensor[] out = null;
            if (shapesKnown) {
                Tensor[] graphIn = graphInputs.stream().map(Ref::example).toArray(Tensor[]::new);
                try (var scope = Autograd.noGrad()) {
                    out = spec.instantiate(held).forwardOutputs(false, graphIn);
                    List<List<Integer>> shapes = new ArrayList<>();
                    for (Tensor t : out) shapes.add(t == null ? List.of() : dims(t.shape()));
                    spec = spec.withOutputShapes(shapes);
                } catch (LimitExceededException e) {
                    throw node.invalid(e.getMessage());
                } catch (OnnxImportException e) {
                    if (e.reason() == OnnxImportException.Reason.INVALID) throw node.invalid(e.detail());
                    shapesKnown = false;
                    out = null;
                } catch (RuntimeException e) {
                    shapesKnown = false;   // shapes that depend on input values the examples lack; the model still runs
                    out = null;
                }
            }
            int index = nodes.size();
            nodes.add(new GraphNode(nodeName, spec, graphInputs.stream().mapToInt(Ref::node).toArray(),
                    graphInputs.stream().mapToInt(Ref::port).toArray()));
            weights.add(held);
            for (int k = 0; k < n.getOutputCount(); k++) {
                if (n.getOutput(k).isEmpty()) continue;
                Tensor example = out != null && k < out.length ? out[k] : null;
                values.put(n.getOutput(k), new Ref(index, k, false, outType, example));
            }
        }
        List<String> outputNames = new ArrayList<>();
        int[] outputs = new int[g.getOutputCount()], outputPorts = new int[outputs.length];
        for (int o = 0; o < outputs.length; o++) {
            String out = g.getOutput(o).getName();
            outputNames.add(out);
            Value v = values.get(out);
            if (v == null) throw new OnnxImportException(OnnxImportException.Reason.INVALID, "graph output \"" + out + "\" is never computed");
            if (v instanceof Ref r && r.node() >= 0) {
                outputs[o] = r.node();
                outputPorts[o] = r.port();
                continue;
            }
            // An output that is a graph input or a constant: give it an Identity layer of its own.
            Tensor[] held = new Tensor[1];
            OnnxInput slot;
            if (v instanceof Ref r) {
                slot = new OnnxInput.Graph(0, r.scalar());
            } else if (((Const) v).tensor().size() <= INLINE_LIMIT) {
                slot = new OnnxInput.Value(dims(((Const) v).tensor().shape()), floats(((Const) v).tensor().data()));
            } else {
                held[0] = ((Const) v).tensor();
                slot = new OnnxInput.Weight(out, dims(held[0].shape()), false);
            }
            int[] refs = v instanceof Ref r ? new int[] {r.node()} : new int[0];
            Tensor example = v instanceof Ref r ? r.example() : ((Const) v).tensor();
            List<List<Integer>> shapes = example == null ? List.of() : List.of(dims(example.shape()));
            var spec = new OnnxNodeSpec("Identity", "", opset, Map.of(), List.of(slot), List.of(v.dataType()), List.of(out), shapes);
            outputs[o] = nodes.size();
            nodes.add(new GraphNode(unique("output_" + o, names), spec, refs));
            weights.add(held);
        }
        Model model = Model.graph(name, nodes, inputs.size(), outputs, outputPorts, perSample, 0L);
        for (int i = 0; i < nodes.size(); i++) copyWeights((OnnxNodeSpec) nodes.get(i).spec(), model.layer(i), weights.get(i));
        List<String> inputNames = inputs.stream().map(ValueInfoProto::getName).toList();
        return new OnnxModel(model, inputNames, ranks, outputNames, opset);
    }

    /** An initializer as a tensor; a bad one (values missing, too many, unknown type) is an error naming it. */
    private static Tensor initializer(TensorProto t) {
        try {
            return OnnxTensors.toTensor(t);
        } catch (IllegalArgumentException e) {
            throw new OnnxImportException(OnnxImportException.Reason.INVALID, "initializer \"" + t.getName() + "\": " + e.getMessage());
        }
    }

    /**
     * Runs a converter or a kernel on what the file gave the node; a limit exceeded, or a JDK error
     * that means the node's inputs or attributes do not add up, becomes an error naming the node.
     */
    private static <T> T guarded(OnnxNode node, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (LimitExceededException e) {
            throw node.invalid(e.getMessage());
        } catch (IndexOutOfBoundsException | NullPointerException | NegativeArraySizeException | ArithmeticException e) {
            throw node.invalid("its inputs or attributes do not fit the op (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** Constants of at most this many values (and integer ones of any size) are written into the layer's configuration. */
    private static final int INLINE_LIMIT = 16;

    /**
     * Copies the importer's weight values into the built layer, whose parameters (trainable weights)
     * and buffers (the others) each follow the order of the node's inputs.
     */
    private static void copyWeights(OnnxNodeSpec spec, Layer layer, Tensor[] held) {
        int p = 0, b = 0;
        for (int k = 0; k < held.length; k++) {
            if (!(spec.inputs().get(k) instanceof OnnxInput.Weight w)) continue;
            Tensor target = (w.trainable() ? layer.parameters().get(p++) : layer.buffers().get(b++)).value();
            System.arraycopy(held[k].data(), 0, target.data(), 0, target.size());
        }
    }

    private static List<Integer> dims(int[] shape) {
        List<Integer> l = new ArrayList<>();
        for (int d : shape) l.add(d);
        return l;
    }

    private static List<Float> floats(float[] d) {
        List<Float> l = new ArrayList<>();
        for (float v : d) l.add(v);
        return l;
    }

    /** The element type of a node's outputs, as far as the importer needs it (integer or not). */
    private static int outputType(NodeProto n, int[] inputTypes) {
        for (var a : n.getAttributeList()) {
            if (n.getOpType().equals("Cast") && a.getName().equals("to")) return (int) a.getI();
            if (n.getOpType().equals("Constant") && a.getName().equals("value")) return a.getT().getDataType();
            if (n.getOpType().equals("Constant") && a.getName().startsWith("value_int")) return TensorProto.DataType.INT64_VALUE;
            if (n.getOpType().equals("ConstantOfShape") && a.getName().equals("value")) return a.getT().getDataType();
        }
        return switch (n.getOpType()) {
            case "Shape", "Size" -> TensorProto.DataType.INT64_VALUE;
            case "Constant", "ConstantOfShape" -> TensorProto.DataType.FLOAT_VALUE;
            default -> inputTypes.length > 0 ? inputTypes[0] : TensorProto.DataType.FLOAT_VALUE;
        };
    }

    /** Declared dims of a graph input; unknown or symbolic dims count as 1. */
    static int[] declaredShape(ValueInfoProto v) {
        TensorShapeProto s = v.getType().getTensorType().getShape();
        int[] shape = new int[s.getDimCount()];
        for (int i = 0; i < shape.length; i++) {
            TensorShapeProto.Dimension d = s.getDim(i);
            shape[i] = d.hasDimValue() && d.getDimValue() >= 0 ? (int) d.getDimValue() : 1;
        }
        return shape;
    }

    private static String unique(String base, Set<String> names) {
        String n = base;
        for (int k = 1; !names.add(n); k++) n = base + "_" + k;
        return n;
    }
}
