package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.util.Arrays;

/** Elementwise add and multiply of same-shape tensors, and full sum and mean (scalars). */
public final class ElementwiseOps {
    private ElementwiseOps() {}

    public static Tensor add(Tensor a, Tensor b) {
        sameShape("add", a, b);
        float[] x = a.data(), y = b.data(), z = Workspace.floats(x.length);
        for (int i = 0; i < z.length; i++) z[i] = x[i] + y[i];
        return Autograd.record(Tensor.of(z, a.shape()), "Add", dz -> {
            if (a.requiresGrad()) addInto(a.gradBuffer(), dz);
            if (b.requiresGrad()) addInto(b.gradBuffer(), dz);
        }, a, b);
    }

    public static Tensor mul(Tensor a, Tensor b) {
        sameShape("mul", a, b);
        float[] x = a.data(), y = b.data(), z = Workspace.floats(x.length);
        for (int i = 0; i < z.length; i++) z[i] = x[i] * y[i];
        return Autograd.record(Tensor.of(z, a.shape()), "Mul", dz -> {
            if (a.requiresGrad()) {
                float[] da = a.gradBuffer();
                for (int i = 0; i < dz.length; i++) da[i] += dz[i] * y[i];
            }
            if (b.requiresGrad()) {
                float[] db = b.gradBuffer();
                for (int i = 0; i < dz.length; i++) db[i] += dz[i] * x[i];
            }
        }, a, b);
    }

    public static Tensor sum(Tensor a) {
        double s = 0;
        for (float v : a.data()) s += v;
        return Autograd.record(Tensor.scalar((float) s), "Sum", dz -> {
            float[] da = a.gradBuffer();
            for (int i = 0; i < da.length; i++) da[i] += dz[0];
        }, a);
    }

    public static Tensor mean(Tensor a) {
        double s = 0;
        for (float v : a.data()) s += v;
        int n = a.size();
        return Autograd.record(Tensor.scalar((float) (s / n)), "Mean", dz -> {
            float[] da = a.gradBuffer();
            float g = dz[0] / n;
            for (int i = 0; i < da.length; i++) da[i] += g;
        }, a);
    }

    private static void addInto(float[] acc, float[] g) {
        for (int i = 0; i < g.length; i++) acc[i] += g[i];
    }

    private static void sameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(op + ": shapes " + Shape.toString(a.shape()) + " and "
                    + Shape.toString(b.shape()) + " differ");
        }
    }
}
