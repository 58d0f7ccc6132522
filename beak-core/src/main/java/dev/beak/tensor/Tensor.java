package dev.beak.tensor;

import dev.beak.autograd.Autograd;
import dev.beak.autograd.Node;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A float32 tensor: a shape and a contiguous row-major {@code float[]} (NCHW for images).
 *
 * <p>A tensor that {@link #requiresGrad()} takes part in autograd: ops applied to it record a
 * {@link Node} on the result, and {@link #backward()} fills {@link #grad()} of every tensor that
 * required a gradient, parameters, inputs and intermediate activations alike. Gradients accumulate
 * until {@link #zeroGrad()}.
 *
 * {@snippet :
 * Tensor x = Tensor.randn(new SplittableRandom(1), 4, 3).requiringGrad();
 * Tensor loss = Ops.sum(Ops.relu(x));
 * loss.backward();
 * float[] dx = x.grad().data();
 * }
 */
public final class Tensor {
    private final int[] shape;
    private final float[] data;
    private boolean requiresGrad;
    private float[] grad;
    private Node node;
    /** The workspace scope whose pool lent {@link #data}, or null; reading the data after it closed fails. */
    private final Workspace lender;

    private Tensor(float[] data, int[] shape) {
        if (data.length != Shape.size(shape)) {
            throw new IllegalArgumentException("data has " + data.length + " values, shape "
                    + Shape.toString(shape) + " needs " + Shape.size(shape));
        }
        this.data = data;
        this.shape = shape.clone();
        this.lender = Workspace.lenderOf(data);
    }

    /** A tensor over {@code data} lent by {@code lender} (views keep their source's lender). */
    private Tensor(float[] data, int[] shape, Workspace lender) {
        if (data.length != Shape.size(shape)) {
            throw new IllegalArgumentException("data has " + data.length + " values, shape "
                    + Shape.toString(shape) + " needs " + Shape.size(shape));
        }
        this.data = data;
        this.shape = shape.clone();
        this.lender = lender;
    }

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data, shape);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shape.size(shape)], shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shape.size(shape)];
        Arrays.fill(d, value);
        return new Tensor(d, shape);
    }

    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0]);
    }

    /** Standard normal values from {@code rng}. */
    public static Tensor randn(SplittableRandom rng, int... shape) {
        float[] d = new float[Shape.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) Gaussian.next(rng);
        return new Tensor(d, shape);
    }

    /** Uniform values in [lo, hi) from {@code rng}. */
    public static Tensor uniform(SplittableRandom rng, float lo, float hi, int... shape) {
        float[] d = new float[Shape.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * (float) rng.nextDouble();
        return new Tensor(d, shape);
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** The backing array, row-major; writes are visible to the tensor. */
    public float[] data() {
        if (lender != null && lender.isClosed()) throw usedAfterClose();
        return data;
    }

    private IllegalStateException usedAfterClose() {
        return new IllegalStateException("a tensor of shape " + Shape.toString(shape) + " was computed inside a Workspace scope that has"
                + " closed, and its array now belongs to other results; copy what must outlive the scope (Tensor.copy()) before it closes");
    }

    public float item() {
        if (data.length != 1) throw new IllegalStateException("item() of a tensor of shape " + Shape.toString(shape));
        if (lender != null && lender.isClosed()) throw usedAfterClose();
        return data[0];
    }

    /** A tensor sharing this one's data, with a new shape of the same size and no autograd history. */
    public Tensor view(int... newShape) {
        return new Tensor(data, newShape, lender);
    }

    /** A copy of the data, detached from autograd. */
    public Tensor copy() {
        return new Tensor(data().clone(), shape, null);
    }

    /** This tensor's data without its autograd history (shares the data). */
    public Tensor detach() {
        return new Tensor(data, shape, lender);
    }

    // ---- autograd ---------------------------------------------------------------------------

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks this tensor as a leaf that needs a gradient (a parameter, or an input to explain). */
    public Tensor requiringGrad() {
        this.requiresGrad = true;
        return this;
    }

    public Tensor requiresGrad(boolean value) {
        this.requiresGrad = value;
        return this;
    }

    /** The accumulated gradient, sharing its array with this tensor, or null if none was computed. */
    public Tensor grad() {
        return grad == null ? null : new Tensor(grad, shape);
    }

    /**
     * The gradient array, allocated (zeros) on first use; ops' backward passes add into it. A tensor
     * computed by an op takes it from the {@link Workspace} when a scope is open; a leaf never does.
     */
    public float[] gradBuffer() {
        if (grad == null) grad = node == null ? new float[data.length] : Workspace.zeros(data.length);
        return grad;
    }

    public boolean hasGrad() {
        return grad != null;
    }

    /** Adds {@code g} (same size) into the gradient. */
    public void accumulateGrad(float[] g) {
        if (grad == null) {
            grad = g.clone();
            return;
        }
        for (int i = 0; i < g.length; i++) grad[i] += g[i];
    }

    public void zeroGrad() {
        if (grad != null) Arrays.fill(grad, 0f);
    }

    /** Drops the gradient array. */
    public void clearGrad() {
        grad = null;
    }

    /** The op that produced this tensor, or null for a leaf. */
    public Node node() {
        return node;
    }

    /** Called by {@link Autograd#record} only. */
    public void attach(Node node) {
        this.node = node;
        this.requiresGrad = true;
    }

    /** Backpropagates from this scalar (seed gradient 1). */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalStateException("backward() without a seed needs a scalar, got shape " + Shape.toString(shape));
        }
        backward(new float[] {1f});
    }

    /** Backpropagates with the given seed gradient (same size as this tensor). */
    public void backward(float[] seed) {
        Autograd.backward(this, seed);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shape.toString(shape)).append(" [");
        for (int i = 0; i < Math.min(8, data.length); i++) {
            if (i > 0) sb.append(", ");
            sb.append(data[i]);
        }
        if (data.length > 8) sb.append(", ...");
        return sb.append(']').toString();
    }
}
