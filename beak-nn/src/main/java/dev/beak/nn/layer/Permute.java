package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;

import java.util.SplittableRandom;

/**
 * Reorders the per-sample axes: output axis {@code i} is input axis {@code perm[i]} (0 is the first
 * axis after the batch). Shapes: input (N, d0, d1, ...); output (N, d[perm[0]], d[perm[1]], ...).
 */
public record Permute(int[] perm) implements LayerSpec {
    public Permute {
        perm = perm.clone();
        boolean[] seen = new boolean[perm.length];
        for (int p : perm) {
            if (p < 0 || p >= perm.length || seen[p]) throw new IllegalArgumentException("Permute needs a permutation of 0.." + (perm.length - 1) + ", got " + Shape.toString(perm));
            seen[p] = true;
        }
    }

    @Override public int[] perm() { return perm.clone(); }

    @Override
    public boolean equals(Object other) {
        return other instanceof Permute o && java.util.Arrays.equals(perm, o.perm);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(perm);
    }

    @Override
    public String toString() {
        return "Permute[" + java.util.Arrays.toString(perm) + "]";
    }

    @Override public String baseName() { return "permute"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        if (in.length != perm.length) {
            throw new IllegalArgumentException("Permute " + Shape.toString(perm) + " needs a rank-" + perm.length + " sample, got " + Shape.toString(in));
        }
        int[] out = new int[in.length];
        for (int i = 0; i < in.length; i++) out[i] = in[perm[i]];
        return out;
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        int[] full = new int[perm.length + 1];
        for (int i = 0; i < perm.length; i++) full[i + 1] = perm[i] + 1;
        return (Layer.Stateless) (training, x) -> Ops.transpose(x[0], full);
    }
}
