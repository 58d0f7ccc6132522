package dev.beak.autograd;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Define-by-run reverse-mode autograd. Ops call {@link #record} on their result; the graph is the
 * chain of {@link Node}s reachable from a tensor. {@link #backward} orders it once (topologically)
 * and runs each node's backward pass in reverse. Recording is per thread and can be switched off
 * with a no-grad scope:
 *
 * {@snippet :
 * try (var scope = Autograd.noGrad()) {
 *     Tensor y = model.forward(x);   // nothing is recorded
 * }
 * }
 */
public final class Autograd {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private Autograd() {}

    /** A scope closing which restores the previous recording state. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Turns recording off until the returned scope is closed. */
    public static Scope noGrad() {
        boolean[] state = ENABLED.get();
        boolean previous = state[0];
        state[0] = false;
        return () -> state[0] = previous;
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** True when recording is on and at least one input needs a gradient. */
    public static boolean needsGrad(Tensor... inputs) {
        if (!isEnabled()) return false;
        for (Tensor t : inputs) if (t != null && t.requiresGrad()) return true;
        return false;
    }

    /**
     * Records {@code out} as the result of op {@code op} on {@code inputs}, if any input needs a
     * gradient and recording is on. Returns {@code out}.
     */
    public static Tensor record(Tensor out, String op, GradFn gradFn, Tensor... inputs) {
        if (needsGrad(inputs)) {
            List<Tensor> in = new ArrayList<>(inputs.length);
            for (Tensor t : inputs) if (t != null) in.add(t);
            out.attach(new Node(op, List.copyOf(in), gradFn));
        }
        return out;
    }

    /** Backpropagates {@code seed} (dLoss/dRoot) from {@code root} through the recorded graph. */
    public static void backward(Tensor root, float[] seed) {
        if (seed.length != root.size()) {
            throw new IllegalArgumentException("seed gradient has " + seed.length + " values, tensor "
                    + Shape.toString(root.shape()) + " has " + root.size());
        }
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward() on a tensor that does not require a gradient "
                    + "(no input required one, or it was computed in a no-grad scope)");
        }
        root.accumulateGrad(seed);
        List<Tensor> order = topologicalOrder(root);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Node node = t.node();
            if (node != null && t.hasGrad()) node.gradFn().backward(t.gradBuffer());
        }
    }

    /** Tensors reachable from root, each after all its inputs (iterative DFS: deep nets must not overflow the stack). */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        seen.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            List<Tensor> inputs = t.node() == null ? List.of() : t.node().inputs();
            if (next < inputs.size()) {
                frame[1] = next + 1;
                Tensor in = inputs.get(next);
                if (in.requiresGrad() && seen.put(in, Boolean.TRUE) == null) stack.push(new Object[] {in, 0});
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
