package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Batch normalisation (Ioffe and Szegedy, 2015): in training, batch statistics (biased variance) and
 * an update of the running ones, {@code running = (1 - momentum) * running + momentum * batch} with the
 * unbiased variance (PyTorch's convention, momentum 0.1; Keras' momentum 0.99 is 0.01 here); in
 * evaluation, the running statistics. Parameters gamma (ones) and beta (zeros); buffers running mean
 * (zeros) and running variance (ones), saved but not trained.
 *
 * <p>Shapes: BatchNorm1d input (N, C) or (N, C, L); BatchNorm2d input (N, C, H, W); output = input;
 * gamma, beta, running mean and variance (C).
 */
public record BatchNorm(int dims, float momentum, float epsilon) implements LayerSpec {
    public BatchNorm {
        if (dims != 1 && dims != 2) throw new IllegalArgumentException("BatchNorm is 1d or 2d, got " + dims);
        if (!(momentum >= 0 && momentum <= 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("BatchNorm needs momentum in [0, 1] and epsilon > 0, got " + momentum + ", " + epsilon);
        }
    }

    public BatchNorm withMomentum(float m) {
        return new BatchNorm(dims, m, epsilon);
    }

    public BatchNorm withEpsilon(float e) {
        return new BatchNorm(dims, momentum, e);
    }

    @Override public String type() { return "BatchNorm" + dims + "d"; }

    @Override public String baseName() { return "batch_norm"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        boolean ok = dims == 2 ? in.length == 3 : in.length == 1 || in.length == 2;
        if (!ok) {
            throw new IllegalArgumentException(type() + " expects per-sample input " + (dims == 2 ? "(C, H, W)" : "(C) or (C, L)")
                    + ", got " + Shape.toString(in));
        }
        return in.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        int c = outputShape(inputs)[0];
        Tensor gamma = Tensor.full(1f, c), beta = Tensor.zeros(c), mean = Tensor.zeros(c), var = Tensor.full(1f, c);
        List<Parameter> params = List.of(new Parameter("weight", gamma), new Parameter("bias", beta));
        List<Parameter> buffers = List.of(new Parameter("running_mean", mean), new Parameter("running_var", var));
        for (Parameter b : buffers) b.value().requiresGrad(false);
        return new Layer() {
            @Override
            public Tensor forward(boolean training, Tensor... x) {
                return training ? Ops.batchNormTrain(x[0], gamma, beta, mean, var, momentum, epsilon)
                        : Ops.batchNormEval(x[0], gamma, beta, mean, var, epsilon);
            }

            @Override public List<Parameter> parameters() { return params; }

            @Override public List<Parameter> buffers() { return buffers; }
        };
    }
}
