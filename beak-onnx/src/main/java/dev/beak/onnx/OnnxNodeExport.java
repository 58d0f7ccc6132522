package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an imported ONNX node ({@link OnnxNodeSpec}) back as the node it was: its op, domain and
 * attributes, its graph inputs, its weights with their current (possibly fine-tuned) values and its
 * small constants in their original element types. The graph is written at one opset, at least the
 * node's; {@link OnnxUpgrades} rewrites the nodes whose definition changed in between.
 */
final class OnnxNodeExport {
    private OnnxNodeExport() {}

    /** A node as it will be written; upgrades change it in place or write extra nodes around it. */
    static final class Draft {
        String op;
        final String domain;
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
        /** Per input: its value when constant (weights, inline values), else null; and its rank with the batch axis (-1 unknown). */
        final List<Tensor> constants = new ArrayList<>();
        final List<Integer> ranks = new ArrayList<>();

        Draft(String op, String domain) {
            this.op = op;
            this.domain = domain;
        }
    }

    static void write(OnnxNodeSpec spec, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        Tensor[] constants = OnnxNodeSpec.constants(s.layer());
        Draft d = new Draft(spec.opType(), spec.domain());
        for (int k = 0; k < spec.inputs().size(); k++) {
            int type = spec.inputTypes().get(k);
            switch (spec.inputs().get(k)) {
                case OnnxInput.Graph in -> {
                    d.inputs.add(s.inputs()[in.index()]);
                    d.constants.add(null);
                    int[] shape = s.inputShapes()[in.index()];
                    d.ranks.add(in.scalar() ? 0 : shape.length + 1);
                }
                case OnnxInput.Weight w -> {
                    d.inputs.add(g.typed(s.name() + "." + w.name(), constants[k], type == 0 ? TensorProto.DataType.FLOAT_VALUE : type));
                    d.constants.add(constants[k]);
                    d.ranks.add(constants[k].rank());
                }
                case OnnxInput.Value v -> {
                    d.inputs.add(g.typed(s.name() + ".input" + k, constants[k], type == 0 ? TensorProto.DataType.FLOAT_VALUE : type));
                    d.constants.add(constants[k]);
                    d.ranks.add(constants[k].rank());
                }
                case OnnxInput.Absent a -> {
                    d.inputs.add("");
                    d.constants.add(null);
                    d.ranks.add(-1);
                }
            }
        }
        while (!d.inputs.isEmpty() && d.inputs.getLast().isEmpty()) {
            d.inputs.removeLast();
            d.constants.removeLast();
            d.ranks.removeLast();
        }
        for (int k = 0; k < spec.outputs().size(); k++) d.outputs.add(spec.outputs().get(k).isEmpty() ? "" : s.outputs()[k]);
        d.attributes.putAll(spec.attributes());
        if (OnnxUpgrades.upgrade(d, spec.opset(), g, s.name())) {
            g.node(d.op, d.domain, d.inputs, d.outputs, d.attributes.entrySet().stream()
                    .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray());
        }
    }
}
