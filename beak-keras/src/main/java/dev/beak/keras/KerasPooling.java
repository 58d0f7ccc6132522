package dev.beak.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beak.keras.KerasGraphBuilder.Sym;
import dev.beak.nn.layer.AvgPool1d;
import dev.beak.nn.layer.AvgPool2d;
import dev.beak.nn.layer.MaxPool1d;
import dev.beak.nn.layer.MaxPool2d;

/** Keras' windowed pooling layers; average pooling leaves padded positions out of the divisor, as Keras does. */
final class KerasPooling {
    private KerasPooling() {}

    static Sym pool2d(KerasLayers.Call c, boolean max) {
        KerasConfig k = c.config();
        k.requireChannelsLast();
        int[] pool = k.ints("pool_size", 2, new int[] {2, 2});
        int[] stride = k.ints("strides", 2, pool);
        return c.emit(max ? new MaxPool2d(pool[0], pool[1], stride[0], stride[1], k.padding())
                : new AvgPool2d(pool[0], pool[1], stride[0], stride[1], k.padding(), false, false), c.input(0));
    }

    static Sym pool1d(KerasLayers.Call c, boolean max) {
        KerasConfig k = c.config();
        k.requireChannelsLast();
        int pool = k.ints("pool_size", 1, new int[] {2})[0];
        int stride = k.ints("strides", 1, new int[] {pool})[0];
        return c.emit(max ? new MaxPool1d(pool, stride, 1, k.padding(), false) : new AvgPool1d(pool, stride, k.padding(), false, false), c.input(0));
    }

    /** ZeroPadding2D's and Cropping2D's {@code n}, {@code [h, w]} or {@code [[top, bottom], [left, right]]} as {top, bottom, left, right}. */
    static int[] fourSides(KerasConfig k, String key) {
        JsonNode v = k.node(key);
        if (v == null || v.isNull()) return new int[] {1, 1, 1, 1};
        if (v.canConvertToInt()) return new int[] {v.asInt(), v.asInt(), v.asInt(), v.asInt()};
        if (v.isArray() && v.size() == 2 && v.get(0).canConvertToInt()) return new int[] {v.get(0).asInt(), v.get(0).asInt(), v.get(1).asInt(), v.get(1).asInt()};
        if (v.isArray() && v.size() == 2 && v.get(0).isArray() && v.get(0).size() == 2 && v.get(1).isArray() && v.get(1).size() == 2) {
            return new int[] {v.get(0).get(0).asInt(), v.get(0).get(1).asInt(), v.get(1).get(0).asInt(), v.get(1).get(1).asInt()};
        }
        throw k.bad(key, "is " + v + ", expected n, [h, w] or [[top, bottom], [left, right]]");
    }
}
