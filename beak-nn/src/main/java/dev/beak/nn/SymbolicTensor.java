package dev.beak.nn;

import dev.beak.nn.layer.LayerSpec;
import dev.beak.tensor.Shape;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A placeholder for a tensor in a model being described with the {@link Functional} API: a model
 * input, or the output of a layer applied to other symbolic tensors. It knows its per-sample shape
 * (checked as the graph is written, so a shape error names the layer at once) and how it was made;
 * it holds no data.
 *
 * {@snippet :
 * SymbolicTensor x = Functional.input(3, 32, 32);
 * SymbolicTensor y = x.then(Layers.conv2d(16, 3)).then(Layers.relu());
 * }
 */
public final class SymbolicTensor {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final long id = COUNTER.getAndIncrement();
    private final int[] shape;
    private final LayerSpec spec;
    private final String name;
    private final List<SymbolicTensor> inputs;

    SymbolicTensor(int[] shape, LayerSpec spec, String name, List<SymbolicTensor> inputs) {
        this.shape = shape.clone();
        this.spec = spec;
        this.name = name;
        this.inputs = List.copyOf(inputs);
    }

    /** Per-sample shape, without the batch: (C, H, W) for images. */
    public int[] shape() {
        return shape.clone();
    }

    /** Applies {@code layer} to this tensor. */
    public SymbolicTensor then(LayerSpec layer) {
        return Functional.apply(layer, this);
    }

    /** Applies {@code layer}, naming the graph node {@code layerName}. */
    public SymbolicTensor then(String layerName, LayerSpec layer) {
        return Functional.apply(layerName, layer, this);
    }

    /** True for a model input (made by {@link Functional#input}). */
    public boolean isInput() {
        return spec == null;
    }

    /** The layer that made this tensor, or null for an input. */
    LayerSpec spec() {
        return spec;
    }

    /** The given name of the layer or input, or null for an automatic one. */
    String name() {
        return name;
    }

    List<SymbolicTensor> inputs() {
        return inputs;
    }

    /** Creation order: a tensor is always made after the tensors it reads. */
    long id() {
        return id;
    }

    @Override
    public String toString() {
        String what = isInput() ? "input" : spec.type();
        return "SymbolicTensor(" + (name == null ? what : name + " (" + what + ")") + ", " + Shape.toString(Shape.prepend(-1, shape)) + ")";
    }
}
