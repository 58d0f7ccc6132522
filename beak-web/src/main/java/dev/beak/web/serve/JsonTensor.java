package dev.beak.web.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor written as nested JSON arrays of numbers, for a model that takes {@code sample} per sample:
 * either one sample (its nesting is {@code sample}) or a batch (one more level in front). Ragged arrays,
 * non-numbers and a shape other than the model's fail with a message that names both shapes.
 */
final class JsonTensor {
    private JsonTensor() {}

    static Tensor parse(JsonNode node, int[] sample, int maxValues) {
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.get(0)) {
            shape.add(n.size());
            if (n.isEmpty()) break;
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        boolean batch = dims.length == sample.length + 1;
        int[] perSample = batch ? Arrays.copyOfRange(dims, 1, dims.length) : dims;
        if (!Arrays.equals(perSample, sample) || (batch && dims[0] == 0)) {
            throw new IllegalArgumentException("\"input\" has shape " + Shape.toString(dims) + " but the model takes " + Shape.toString(sample)
                    + " per sample (send one sample, or a batch (N, " + Shape.toString(sample).substring(1) + ")");
        }
        long size = Shape.size(dims);
        if (size > maxValues) throw new IllegalArgumentException("\"input\" holds " + size + " values, more than the " + maxValues + " a request may");
        float[] data = new float[(int) size];
        int[] next = {0};
        fill(node, dims, 0, data, next);
        return batch ? Tensor.of(data, dims) : Tensor.of(data, prepend(sample));
    }

    private static void fill(JsonNode node, int[] dims, int depth, float[] data, int[] next) {
        if (depth == dims.length) {
            if (!node.isNumber()) throw new IllegalArgumentException("\"input\" holds " + describe(node) + " where a number belongs (value " + next[0] + ")");
            data[next[0]++] = node.floatValue();
            return;
        }
        if (!node.isArray() || node.size() != dims[depth]) {
            throw new IllegalArgumentException("\"input\" is ragged: at depth " + depth + " an entry holds " + describe(node) + ", not an array of "
                    + dims[depth] + " (shape " + Shape.toString(dims) + ")");
        }
        for (JsonNode child : node) fill(child, dims, depth + 1, data, next);
    }

    private static String describe(JsonNode n) {
        return n.isArray() ? "an array of " + n.size() : n.isNull() ? "null" : n.isTextual() ? "text" : n.isObject() ? "an object" : n.toString();
    }

    private static int[] prepend(int[] sample) {
        int[] s = new int[sample.length + 1];
        s[0] = 1;
        System.arraycopy(sample, 0, s, 1, sample.length);
        return s;
    }
}
