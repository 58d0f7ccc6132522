package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.beak.io.AtomicFiles;
import dev.beak.io.SavedModel;
import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.nn.layer.Dropout;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.SpatialDropout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports a built Beak model as an ONNX inference graph (opset {@value #OPSET}, or the newest opset
 * of the imported nodes it holds): every layer through the table {@link LayerExports} (batch norm
 * with its running statistics, dropout and spatial dropout left out), imported ONNX nodes as the nodes they were, with
 * their current weights ({@link OnnxNodeExport}). The batch axis of every input and output is the
 * symbolic dimension {@code N}; class names, preprocessing, input geometry and free-form metadata
 * travel as {@code metadata_props} ({@link OnnxExportMetadata}).
 *
 * {@snippet :
 * OnnxExporter.export(ModelFile.load(Path.of("mnist.beak")), Path.of("mnist.onnx"));
 * OnnxExporter.export(new SavedModel(model, Map.of()), Path.of("model.onnx"));
 * }
 */
public final class OnnxExporter {
    /** The opset written for native models. */
    public static final int OPSET = 17;
    /** The symbolic batch dimension of inputs and outputs. */
    public static final String BATCH = "N";

    /** Protocol buffers cannot serialise a message of 2 GB or more; this leaves room for the graph itself. */
    private static final long MAX_INLINE_BYTES = (1L << 31) - (64L << 20);

    private OnnxExporter() {}

    /** Writes {@code saved} to {@code file} (atomically: a temporary file renamed). */
    public static void export(SavedModel saved, Path file) throws IOException {
        byte[] bytes = toProto(saved).toByteArray();
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** A model without metadata. */
    public static ModelProto toProto(Model model) {
        return toProto(new SavedModel(model, Map.of()));
    }

    public static ModelProto toProto(SavedModel saved) {
        Model model = saved.model();
        if (!model.isBuilt()) throw new IllegalStateException("model " + model.name() + " is not built: give it an input shape before exporting");
        long bytes = 0;
        for (var t : model.state().values()) bytes += 4L * t.size();
        if (bytes > MAX_INLINE_BYTES) {
            throw new IllegalArgumentException("model " + model.name() + " holds " + bytes / (1 << 20) + " MB of weights; a single ONNX file holds"
                    + " under 2 GB (larger models need ONNX's external data files, which Beak's export does not write)");
        }
        int opset = OPSET;
        for (GraphNode n : model.nodes()) if (n.spec() instanceof OnnxNodeSpec s) opset = Math.max(opset, s.opset());
        GraphProto.Builder graph = GraphProto.newBuilder().setName(model.name());
        OnnxGraphWriter g = new OnnxGraphWriter(graph, opset);
        int[][] inputShapes = model.inputShapes();
        String[] inputs = new String[model.inputCount()];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = g.fresh(inputs.length == 1 ? "input" : "input_" + k);
            graph.addInput(valueInfo(inputs[k], inputType(model, k), inputShapes[k]));
        }
        String[][] names = new String[model.nodes().size()][];
        for (int i = 0; i < names.length; i++) {
            GraphNode node = model.nodes().get(i);
            int[] from = node.inputs(), ports = node.ports();
            String[] in = new String[from.length];
            int[][] shapes = new int[from.length][];
            for (int j = 0; j < from.length; j++) {
                in[j] = from[j] >= 0 ? names[from[j]][ports[j]] : inputs[GraphNode.inputNumber(from[j])];
                shapes[j] = from[j] >= 0 ? model.outputShape(from[j], ports[j]) : inputShapes[GraphNode.inputNumber(from[j])];
            }
            LayerSpec spec = node.spec();
            if (spec instanceof Dropout || spec instanceof SpatialDropout) {       // inference: the identity
                names[i] = new String[] {in[0]};
                continue;
            }
            names[i] = new String[spec.outputCount()];
            for (int k = 0; k < names[i].length; k++) {
                String base = spec instanceof OnnxNodeSpec s && !s.outputs().get(k).isEmpty() ? s.outputs().get(k) : k == 0 ? node.name() : node.name() + ":" + k;
                names[i][k] = g.fresh(base);
            }
            ExportStep step = new ExportStep(node.name(), model.layer(i), in, shapes, names[i], g);
            if (spec instanceof OnnxNodeSpec s) OnnxNodeExport.write(s, step);
            else LayerExports.write(spec, step);
        }
        int[] outputs = model.outputs(), ports = model.outputPorts();
        Set<String> written = new HashSet<>(List.of(inputs));
        for (int o = 0; o < outputs.length; o++) {
            String name = names[outputs[o]][ports[o]];
            if (!written.add(name)) {      // a model input, or a tensor that is already an output: give it a name of its own
                name = g.unary("Identity", name, g.fresh(outputs.length == 1 ? "output" : "output_" + o));
                written.add(name);
            }
            int[] shape = model.outputShape(outputs[o], ports[o]);
            LayerSpec spec = model.nodes().get(outputs[o]).spec();
            // An imported node's output keeps whatever rank and batch use its graph gave it: declared by type only.
            graph.addOutput(valueInfo(name, outputType(spec), spec instanceof OnnxNodeSpec ? null : shape));
        }
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(irVersion(opset)).setProducerName("beak").setProducerVersion("0.1.0")
                .setGraph(graph).addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset));
        OnnxExportMetadata.write(saved, m);
        return m.build();
    }

    /** The oldest IR version that carries the opset (ONNX's versioning table), so older runtimes read the file too. */
    static int irVersion(int opset) {
        return opset <= 18 ? 8 : opset <= 20 ? 9 : opset <= 22 ? 10 : 11;
    }

    /** FLOAT, unless an imported node reading the input recorded another element type for it (integer indices). */
    private static int inputType(Model model, int k) {
        for (GraphNode n : model.nodes()) {
            if (!(n.spec() instanceof OnnxNodeSpec s)) continue;
            int[] from = n.inputs();
            for (int k2 = 0; k2 < s.inputs().size(); k2++) {
                if (s.inputs().get(k2) instanceof OnnxInput.Graph gi && from[gi.index()] == GraphNode.modelInput(k) && s.inputTypes().get(k2) != 0) {
                    return s.inputTypes().get(k2);
                }
            }
        }
        return TensorProto.DataType.FLOAT_VALUE;
    }

    /** The element type of an output: FLOAT; for an imported node int64 for Shape, Cast's target type, else its first input's type. */
    private static int outputType(LayerSpec spec) {
        if (spec instanceof OnnxNodeSpec s) {
            if (s.opType().equals("Shape") || s.opType().equals("Size")) return TensorProto.DataType.INT64_VALUE;
            if (s.opType().equals("Cast") && s.attributes().get("to") instanceof OnnxAttribute.IntValue to) return (int) to.value();
            if (!s.inputTypes().isEmpty() && s.inputTypes().getFirst() != 0) return s.inputTypes().getFirst();
        }
        return TensorProto.DataType.FLOAT_VALUE;
    }

    /** A tensor's declaration: element type and shape (N, per-sample...), or no shape when {@code perSample} is null. */
    private static ValueInfoProto valueInfo(String name, int type, int[] perSample) {
        TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(type);
        if (perSample != null) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
            for (int d : perSample) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
            t.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
    }
}
