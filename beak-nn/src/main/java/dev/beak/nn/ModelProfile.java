package dev.beak.nn;

import dev.beak.tensor.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The memory and compute table of a model for one image (sample) forward, in the manner of the CS231n
 * notes' VGG-16 walk-through: per layer the output shape, activation values and their memory,
 * parameters and their memory, and multiply-adds (see {@link LayerCost} for the convention; a
 * multiply-add is 2 FLOPs). Worked out from the layer specs and input shapes: an unbuilt model stays
 * unbuilt and no weight is allocated. Memory is float32, 4 bytes a value; MB are 10^6 bytes.
 *
 * {@snippet :
 * Model vgg = Vgg.network(16, Vgg.Norm.NONE, NetworkOptions.imageNet());    // not built: no weights
 * ModelProfile p = ModelProfile.of(vgg, new int[] {3, 224, 224});
 * p.activations();   // 15,237,608 values, about 61 MB per image
 * p.multiplyAdds();  // 15,470,264,320, about 15.5 G
 * System.out.print(p.table(1));
 * }
 *
 * @param inputs one row per model input (activations only)
 * @param layers one row per graph node, in graph order
 */
public record ModelProfile(String model, List<Row> inputs, List<Row> layers) {
    /** Bytes per value (float32). */
    public static final int BYTES = 4;

    /**
     * One row of the table; {@code multiplyAdds} is -1 when the layer's cost is unknown.
     *
     * @param buffers non-trainable state such as batch-norm running statistics
     * @param activations new values per sample this layer writes (0 for views such as Flatten)
     * @param trainable false when the layer is frozen
     */
    public record Row(String name, String type, int[] outputShape, long parameters, long buffers, long activations, long multiplyAdds,
                      boolean trainable) {
        public boolean costKnown() {
            return multiplyAdds >= 0;
        }
    }

    public ModelProfile {
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
    }

    /** The profile of {@code m} for the shapes it was built for. */
    public static ModelProfile of(Model m) {
        if (m.inputShapes() == null) throw new IllegalStateException("model " + m.name() + " is not built: give its input shapes to ModelProfile.of(model, shapes)");
        return of(m, m.inputShapes());
    }

    /** The profile of {@code m} for per-sample input shapes {@code shapes}; builds nothing. */
    public static ModelProfile of(Model m, int[]... shapes) {
        if (shapes.length != m.inputCount()) throw new IllegalArgumentException("model " + m.name() + " has " + m.inputCount() + " inputs, got " + shapes.length + " shapes");
        List<Row> inputs = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            inputs.add(new Row(shapes.length == 1 ? "input" : "input_" + i, "Input", shapes[i].clone(), 0, 0, Shape.size(shapes[i]), 0, true));
        }
        // A model built for these shapes reports its layers' own counts; otherwise the specs give them.
        boolean built = m.isBuilt() && java.util.Arrays.deepEquals(shapes, m.inputShapes());
        List<Row> rows = new ArrayList<>();
        int[][][] out = new int[m.nodes().size()][][];
        for (int i = 0; i < out.length; i++) {
            GraphNode node = m.nodes().get(i);
            int[][] in = new int[node.inputs().length][];
            for (int j = 0; j < in.length; j++) {
                int from = node.inputs()[j];
                in[j] = from >= 0 ? out[from][node.ports()[j]] : shapes[GraphNode.inputNumber(from)];
            }
            try {
                out[i] = node.spec().outputShapes(in);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(node.name() + " (" + node.spec().type() + "): " + e.getMessage(), e);
            }
            long[] params = built ? LayerCost.counted(m.layer(i)) : LayerCost.parameters(node.spec(), in);
            rows.add(new Row(node.name(), node.spec().type(), out[i][0], params[0], params[1],
                    LayerCost.activations(node.spec(), out[i]), LayerCost.multiplyAdds(node.spec(), in, out[i]), m.isTrainable(node.name())));
        }
        return new ModelProfile(m.name(), inputs, rows);
    }

    /** Parameters, frozen ones included (batch-norm running statistics are {@link #buffers}). */
    public long parameters() {
        return layers.stream().mapToLong(Row::parameters).sum();
    }

    /** Parameters of the layers that are not frozen. */
    public long trainableParameters() {
        return layers.stream().filter(Row::trainable).mapToLong(Row::parameters).sum();
    }

    public long buffers() {
        return layers.stream().mapToLong(Row::buffers).sum();
    }

    /** Activation values of one sample's forward, the inputs included. */
    public long activations() {
        return inputs.stream().mapToLong(Row::activations).sum() + layers.stream().mapToLong(Row::activations).sum();
    }

    /** Multiply-adds of one sample's forward, over the layers whose cost is known. */
    public long multiplyAdds() {
        return layers.stream().filter(Row::costKnown).mapToLong(Row::multiplyAdds).sum();
    }

    /** FLOPs of one sample's forward: 2 per multiply-add. */
    public long flops() {
        return 2 * multiplyAdds();
    }

    /** The layers whose cost is unknown (the totals leave them out). */
    public List<String> unknownCost() {
        return layers.stream().filter(r -> !r.costKnown()).map(r -> r.name() + " (" + r.type() + ")").toList();
    }

    public long activationBytes() {
        return BYTES * activations();
    }

    /** Parameters and buffers. */
    public long parameterBytes() {
        return BYTES * (parameters() + buffers());
    }

    /** Inference on a batch: the weights plus every activation of the batch (nothing freed early). */
    public long inferenceBytes(int batch) {
        return parameterBytes() + BYTES * (long) batch * activations();
    }

    /**
     * An estimate for one training step on a batch: weights, their gradients and one optimizer buffer
     * (SGD momentum; Adam keeps two, add {@link #parameters()} x 4 bytes), plus every activation kept for
     * the backward pass and a gradient of the same size.
     */
    public long trainingBytes(int batch) {
        return parameterBytes() + 2L * BYTES * parameters() + 2L * BYTES * batch * activations();
    }

    /**
     * The table as text: one row per input and layer (name, output shape and parameter columns laid out
     * as in Keras' summary, None for the batch, buffers counted as non-trainable parameters), then the totals for one sample and the memory for
     * {@code batch}.
     */
    public String table(int batch) {
        String rule = "_".repeat(127) + "\n", thick = "=".repeat(127) + "\n";
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model).append("\" (per image; float32, MB = 10^6 bytes; 1 multiply-add = 2 FLOPs)\n").append(rule);
        sb.append(String.format(Locale.ROOT, " %-34s %-24s %-13s %9s %13s %9s %18s%n", "Layer (type)", "Output Shape", "Param #", "Param MB",
                "Activations", "Act. MB", "Multiply-adds"));
        sb.append(thick);
        for (Row r : inputs) sb.append(line(r));
        for (Row r : layers) sb.append(line(r));
        sb.append(thick);
        long all = parameters() + buffers();
        sb.append(String.format(Locale.ROOT, "Total params: %,d (%s MB)%n", all, mb(BYTES * all)));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", trainableParameters()));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", all - trainableParameters()));
        sb.append(String.format(Locale.ROOT, "Total activations: %,d (%s MB per image forward)%n", activations(), mb(activationBytes())));
        sb.append(String.format(Locale.ROOT, "Total multiply-adds: %,d (%s, %sFLOPs per image forward)%s%n", multiplyAdds(), count(multiplyAdds()),
                count(flops()), unknownCost().isEmpty() ? "" : "; unknown for " + String.join(", ", unknownCost())));
        sb.append(String.format(Locale.ROOT, "Memory at batch %d: inference %s MB; a training step about %s MB "
                + "(weights, gradients, momentum; activations and their gradients)%n", batch, mb(inferenceBytes(batch)), mb(trainingBytes(batch))));
        sb.append(rule);
        return sb.toString();
    }

    /** The totals and rows as plain values for JSON: numbers, strings, int arrays, lists and maps. */
    public Map<String, Object> toMap(int batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("input_shapes", inputs.stream().map(Row::outputShape).toList());
        m.put("parameters", parameters());
        m.put("trainable_parameters", trainableParameters());
        m.put("buffers", buffers());
        m.put("parameter_bytes", parameterBytes());
        m.put("activations", activations());
        m.put("activation_bytes", activationBytes());
        m.put("multiply_adds", multiplyAdds());
        m.put("flops", flops());
        m.put("unknown_cost_layers", unknownCost());
        m.put("batch", batch);
        m.put("inference_bytes", inferenceBytes(batch));
        m.put("training_bytes", trainingBytes(batch));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : layers) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("type", r.type());
            row.put("output_shape", r.outputShape());
            row.put("parameters", r.parameters());
            row.put("buffers", r.buffers());
            row.put("activations", r.activations());
            row.put("multiply_adds", r.multiplyAdds());
            rows.add(row);
        }
        m.put("layers", rows);
        return m;
    }

    private static String line(Row r) {
        String name = r.type().equals("Input") ? r.name() : r.name() + " (" + r.type() + ")";
        long params = r.parameters() + r.buffers();
        return String.format(Locale.ROOT, " %-34s %-24s %-13s %9s %,13d %9s %18s%n", name, Shape.toString(Shape.prepend(-1, r.outputShape())),
                String.format(Locale.ROOT, "%,d", params), mb(BYTES * params), r.activations(), mb(BYTES * r.activations()),
                r.costKnown() ? String.format(Locale.ROOT, "%,d", r.multiplyAdds()) : "?");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    /** A count with an SI prefix: {@code 15.47 G}, {@code 4.55 M}, {@code 2.10 K}. */
    public static String count(long n) {
        return n >= 1e9 ? String.format(Locale.ROOT, "%.2f G", n / 1e9) : n >= 1e6 ? String.format(Locale.ROOT, "%.2f M", n / 1e6)
                : n >= 1e3 ? String.format(Locale.ROOT, "%.2f K", n / 1e3) : n + " ";
    }
}
