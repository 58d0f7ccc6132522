package dev.beak.io.onnx;

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
import java.util.SplittableRandom;

/**
 * Imports an ONNX model (opset 1 to {@link OnnxOps#MAX_OPSET}) as a Beak graph {@link Model}.
 *
 * <p>Each node is mapped through the one table {@link OnnxOps}. Float initializers (other than
 * settings such as Resize scales or Clip bounds, see {@link OnnxOps#isSetting}) become trainable
 * parameters of the first layer that reads them; integer initializers and {@code Constant} nodes stay
 * constants, and a node whose inputs are all such constants is computed once, here (folded). Shape
 * arithmetic on run-time values (Shape, Gather, Concat of integers, Reshape targets) runs at run time
 * on small float tensors, so the batch size may change. A dry run on example inputs (or on zeros of
 * the declared shapes) records every layer's output shape for {@link Model#summary()}.
 */
public final class OnnxImporter {
    private OnnxImporter() {}

    /** Where a value of the ONNX graph comes from. */
    private sealed interface Value {}

    /** A graph node output ({@code ref >= 0}) or a model input ({@code ref < 0}). */
    private record Ref(int ref, boolean scalar) implements Value {}

    private record Const(Tensor tensor, boolean trainable, String name) implements Value {}

    public static OnnxModel load(Path file) throws IOException {
        return load(file, null);
    }

    /** Imports {@code file}; {@code examples} (may be null) are inputs whose shapes the dry run uses. */
    public static OnnxModel load(Path file, Tensor[] examples) throws IOException {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new DataFileException(file.toString(), "not an ONNX model (" + e.getMessage() + ")", e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        if (name.equals("model") && file.getParent() != null) name = file.getParent().getFileName().toString();
        return fromProto(proto, name, examples);
    }

    /** The ONNX model's opset for the default domain (1 when it names none). */
    public static int opset(ModelProto proto) {
        for (OperatorSetIdProto o : proto.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) return (int) o.getVersion();
        }
        return 1;
    }

    public static OnnxModel fromProto(ModelProto proto, String name, Tensor[] examples) {
        int opset = opset(proto);
        if (opset > OnnxOps.MAX_OPSET) {
            throw new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, "model " + name + " uses opset " + opset
                    + "; Beak imports opsets 1 to " + OnnxOps.MAX_OPSET);
        }
        GraphProto g = proto.getGraph();
        Map<String, Value> values = new HashMap<>();
        Map<String, Integer> types = new HashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            types.put(t.getName(), t.getDataType());
            boolean trainable = !OnnxTensors.isInteger(t.getDataType());
            values.put(t.getName(), new Const(OnnxTensors.toTensor(t), trainable, t.getName()));
        }
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto v : g.getInputList()) if (!values.containsKey(v.getName())) inputs.add(v);
        if (inputs.isEmpty()) {
            throw new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, "model " + name + " has no inputs (all constant)");
        }
        if (examples != null && examples.length != inputs.size()) {
            throw new IllegalArgumentException("model " + name + " has " + inputs.size() + " inputs, got " + examples.length + " examples");
        }
        int[] ranks = new int[inputs.size()];
        Tensor[] dry = new Tensor[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            int[] shape = examples != null ? examples[k].shape() : declaredShape(inputs.get(k));
            ranks[k] = shape.length;
            values.put(inputs.get(k).getName(), new Ref(GraphNode.modelInput(k), shape.length == 0));
            types.put(inputs.get(k).getName(), inputs.get(k).getType().getTensorType().getElemType());
            Tensor x = examples != null ? examples[k] : Tensor.zeros(shape);
            dry[k] = shape.length == 0 ? x.view(1) : x;
        }
        Set<String> used = new HashSet<>();
        for (NodeProto n : g.getNodeList()) used.addAll(n.getInputList());
        for (ValueInfoProto v : g.getOutputList()) used.add(v.getName());

        List<GraphNode> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>(), owned = new HashSet<>();
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            String nodeName = unique(n.getName().isEmpty() ? n.getOpType().toLowerCase(java.util.Locale.ROOT) + "_" + i : n.getName(), names);
            if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                throw new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, nodeName, n.getOpType(), opset,
                        "domain \"" + n.getDomain() + "\" is not supported (only the default ONNX domain)");
            }
            Converter converter = OnnxOps.lookup(n.getOpType(), opset, nodeName);
            Tensor[] constants = new Tensor[n.getInputCount()];
            int[] inputTypes = new int[n.getInputCount()];
            boolean foldable = true;
            for (int k = 0; k < n.getInputCount(); k++) {
                String in = n.getInput(k);
                if (in.isEmpty()) continue;
                Value v = values.get(in);
                if (v == null) {
                    throw new OnnxImportException(OnnxImportException.Reason.INVALID, nodeName, n.getOpType(), opset,
                            "input \"" + in + "\" is not produced by any earlier node, initializer or graph input");
                }
                if (v instanceof Const c) constants[k] = c.tensor();
                inputTypes[k] = types.getOrDefault(in, TensorProto.DataType.FLOAT_VALUE);
                foldable &= v instanceof Const c && !(c.trainable() && !OnnxOps.isSetting(n.getOpType(), k));
            }
            OnnxKernel kernel = converter.convert(new OnnxNode(n, nodeName, opset, constants, inputTypes));
            int outType = outputType(n, inputTypes);
            for (String out : n.getOutputList()) types.put(out, outType);
            if (foldable) {
                Tensor[] out;
                try (var scope = Autograd.noGrad()) {
                    out = kernel.apply(false, constants);
                }
                for (int k = 0; k < n.getOutputCount() && k < out.length; k++) {
                    if (!n.getOutput(k).isEmpty()) values.put(n.getOutput(k), new Const(out[k], false, n.getOutput(k)));
                }
                continue;
            }
            List<Integer> graphInputs = new ArrayList<>();
            OnnxNodeSpec.Slot[] slots = new OnnxNodeSpec.Slot[n.getInputCount()];
            List<Parameter> params = new ArrayList<>();
            for (int k = 0; k < n.getInputCount(); k++) {
                String in = n.getInput(k);
                if (in.isEmpty()) continue;
                Value v = values.get(in);
                if (v instanceof Ref r) {
                    int at = graphInputs.indexOf(r.ref());
                    if (at < 0) {
                        at = graphInputs.size();
                        graphInputs.add(r.ref());
                    }
                    slots[k] = new OnnxNodeSpec.Slot(at, null, r.scalar());
                } else if (v instanceof Const c) {
                    slots[k] = new OnnxNodeSpec.Slot(-1, c.tensor(), false);
                    boolean weight = c.trainable() && !OnnxOps.isSetting(n.getOpType(), k);
                    if (weight && owned.add(c.name())) params.add(new Parameter(c.name(), c.tensor()));
                }
            }
            int[] inputRefs = graphInputs.stream().mapToInt(Integer::intValue).toArray();
            List<Integer> outs = new ArrayList<>();
            for (int k = 0; k < n.getOutputCount(); k++) if (!n.getOutput(k).isEmpty() && used.contains(n.getOutput(k))) outs.add(k);
            OnnxNodeSpec.Shared shared = outs.size() > 1 ? new OnnxNodeSpec.Shared(outs.size()) : null;
            for (int j = 0; j < outs.size(); j++) {
                int k = outs.get(j);
                var spec = new OnnxNodeSpec(n.getOpType(), opset, kernel, slots, j == 0 ? params : List.of(), k, j == 0, shared);
                values.put(n.getOutput(k), new Ref(nodes.size(), false));
                nodes.add(new GraphNode(j == 0 ? nodeName : unique(nodeName + ":" + k, names), spec, inputRefs));
            }
        }
        List<String> outputNames = new ArrayList<>();
        int[] outputs = new int[g.getOutputCount()];
        for (int o = 0; o < outputs.length; o++) {
            String out = g.getOutput(o).getName();
            outputNames.add(out);
            Value v = values.get(out);
            if (v == null) throw new OnnxImportException(OnnxImportException.Reason.INVALID, "graph output \"" + out + "\" is never computed");
            if (v instanceof Ref r && r.ref() >= 0) {
                outputs[o] = r.ref();
                continue;
            }
            // An output that is a graph input or a constant: give it a layer of its own.
            OnnxNodeSpec.Slot slot = v instanceof Ref r ? new OnnxNodeSpec.Slot(0, null, r.scalar())
                    : new OnnxNodeSpec.Slot(-1, ((Const) v).tensor(), false);
            int[] refs = v instanceof Ref r ? new int[] {r.ref()} : new int[0];
            var spec = new OnnxNodeSpec("Identity", opset, (t, in) -> OnnxNode.one(dev.beak.ops.Ops.identity(in[0])),
                    new OnnxNodeSpec.Slot[] {slot}, List.of(), 0, true, null);
            outputs[o] = nodes.size();
            nodes.add(new GraphNode(unique("output_" + o, names), spec, refs));
        }
        dryRun(nodes, dry);
        int[][] perSample = new int[dry.length][];
        for (int k = 0; k < dry.length; k++) perSample[k] = Shape.dropFirst(dry[k].shape());
        List<String> inputNames = inputs.stream().map(ValueInfoProto::getName).toList();
        Model model = Model.graph(name, nodes, inputs.size(), outputs, perSample, 0L);
        return new OnnxModel(model, inputNames, ranks, outputNames, opset);
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

    /** Runs the layers once on the example inputs to record their output shapes; on failure shapes stay unknown. */
    private static void dryRun(List<GraphNode> nodes, Tensor[] inputs) {
        Tensor[] values = new Tensor[nodes.size()];
        try (var scope = Autograd.noGrad()) {
            for (int i = 0; i < nodes.size(); i++) {
                GraphNode node = nodes.get(i);
                Tensor[] in = new Tensor[node.inputs().length];
                for (int j = 0; j < in.length; j++) {
                    int r = node.inputs()[j];
                    in[j] = r >= 0 ? values[r] : inputs[GraphNode.inputNumber(r)];
                }
                Layer layer = node.spec().build(new SplittableRandom(0));
                values[i] = layer.forward(false, in);
                int[] s = values[i].shape();
                ((OnnxNodeSpec) node.spec()).recordShape(s.length == 0 ? s : Shape.dropFirst(s));
            }
        } catch (RuntimeException e) {
            // Shapes that depend on input values the zeros do not have; the model still runs.
        }
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
