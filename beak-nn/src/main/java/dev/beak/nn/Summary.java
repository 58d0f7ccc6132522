package dev.beak.nn;

import dev.beak.nn.layer.Parameter;
import dev.beak.tensor.Shape;

import java.util.Locale;

/**
 * The Keras-style summary: one row per layer with name (type), output shape (None for the batch;
 * Beak is channels-first, so images read (None, C, H, W)), parameter count and, for graphs, the
 * layers it reads; then the totals.
 */
final class Summary {
    private Summary() {}

    static String of(Model m) {
        if (!m.isBuilt()) throw new IllegalStateException("summary() needs a built model: give it an input shape first");
        boolean graph = m.inputCount() > 1 || m.outputs().length > 1 || m.outputs()[0] != m.nodes().size() - 1;
        for (int i = 0; i < m.nodes().size(); i++) {
            int[] in = m.nodes().get(i).inputs();
            graph |= in.length != 1 || in[0] != i - 1;
        }
        String rule = "_".repeat(graph ? 96 : 72) + "\n", thick = "=".repeat(graph ? 96 : 72) + "\n";
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(m.name()).append("\"\n").append(rule);
        sb.append(row("Layer (type)", "Output Shape", "Param #", graph ? "Connected to" : null)).append(thick);
        long total = 0, frozen = 0;
        for (int i = 0; i < m.nodes().size(); i++) {
            GraphNode node = m.nodes().get(i);
            long params = 0, buffers = 0;
            for (Parameter p : m.layer(i).parameters()) params += p.value().size();
            for (Parameter b : m.layer(i).buffers()) buffers += b.value().size();
            // As in Keras, buffers (batch-norm running statistics) count as non-trainable parameters.
            frozen += (m.isTrainable(node.name()) ? 0 : params) + buffers;
            params += buffers;
            total += params;
            String from = null;
            if (graph) {
                StringBuilder f = new StringBuilder();
                for (int in : node.inputs()) {
                    if (f.length() > 0) f.append(", ");
                    f.append(in >= 0 ? m.nodes().get(in).name() : m.inputCount() == 1 ? "input" : "input_" + GraphNode.inputNumber(in));
                }
                from = f.toString();
            }
            sb.append(row(node.name() + " (" + node.spec().type() + ")", Shape.toString(Shape.prepend(-1, m.outputShape(i))),
                    String.format(Locale.ROOT, "%,d", params), from));
            sb.append(i == m.nodes().size() - 1 ? thick : rule);
        }
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", total));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", total - frozen));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", frozen));
        sb.append(rule);
        return sb.toString();
    }

    private static String row(String layer, String shape, String params, String from) {
        String r = String.format(Locale.ROOT, " %-34s %-24s %-12s", layer, shape, params);
        return (from == null ? r.stripTrailing() : r + " " + from) + "\n";
    }
}
