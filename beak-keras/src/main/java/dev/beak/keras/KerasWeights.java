package dev.beak.keras;

import java.util.List;

/** Where a format keeps each layer's weight arrays. */
interface KerasWeights {
    /**
     * The arrays of {@code layer} in Keras' order (trainable, then non-trainable: kernel, bias; gamma,
     * beta, moving mean, moving variance); {@code scope} is the nested models around it, outermost first.
     */
    List<KerasArray> arrays(List<KerasLayer> scope, KerasLayer layer);

    /** Whether array names can be checked ({@code conv/kernel}); Keras 3 numbers them instead. */
    default boolean named() {
        return true;
    }

    /** The last path component of a weight name without TensorFlow's {@code :0}: {@code conv/kernel:0} -> {@code kernel}. */
    static String variable(String name) {
        String n = name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** The component before the variable: the layer that owns it ({@code block/conv/kernel} -> {@code conv}), or "" when none. */
    static String owner(String name) {
        String[] parts = name.split("/");
        return parts.length < 2 ? "" : parts[parts.length - 2];
    }
}
