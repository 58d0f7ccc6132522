package dev.beak.nn.layer;

import dev.beak.ops.Padding;

/**
 * Static factories with Keras' defaults (PyTorch's where Keras has no such layer):
 * {@code Layers.conv2d(32, 5).withPadding(Padding.SAME)}.
 */
public final class Layers {
    private Layers() {}

    /** k x k convolution, stride 1, valid padding, with bias. */
    public static Conv2d conv2d(int filters, int k) {
        return new Conv2d(filters, k, k, 1, 1, 1, 1, Padding.VALID, true, Activation.LINEAR);
    }

    /** k x k depthwise convolution: one filter per input channel ({@code channels} = C), groups = C. */
    public static Conv2d depthwiseConv2d(int channels, int k) {
        return conv2d(channels, k).withGroups(channels);
    }

    /** 1-d convolution of width k, stride 1, valid padding, with bias. */
    public static Conv1d conv1d(int filters, int k) {
        return new Conv1d(filters, k, 1, 1, Padding.VALID, 1, true, Activation.LINEAR, Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    /** k x k transposed convolution, stride 1, no padding, with bias (PyTorch's defaults). */
    public static ConvTranspose2d convTranspose2d(int filters, int k) {
        return new ConvTranspose2d(filters, k, k, 1, 1, 1, 1, new Padding.Explicit(0, 0, 0, 0), 0, 0, 1, true, Activation.LINEAR,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    public static ConvTranspose1d convTranspose1d(int filters, int k) {
        return new ConvTranspose1d(filters, k, 1, 1, 0, 0, 0, 1, true, Activation.LINEAR, Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    /** Max pooling over p x p windows with stride p. */
    public static MaxPool2d maxPool2d(int p) {
        return new MaxPool2d(p, p, p, p, Padding.VALID);
    }

    /** Average pooling over p x p windows with stride p, padding counted in the divisor (PyTorch's default). */
    public static AvgPool2d avgPool2d(int p) {
        return new AvgPool2d(p, p, p, p, Padding.VALID, false, true);
    }

    /** p-norm pooling over k x k windows with stride k. */
    public static LpPool2d lpPool2d(float p, int k) {
        return new LpPool2d(p, k, k, k, k, Padding.VALID, false);
    }

    /** 1-d p-norm pooling over windows of k with stride k. */
    public static LpPool1d lpPool1d(float p, int k) {
        return new LpPool1d(p, k, k, Padding.VALID, false);
    }

    public static MaxPool1d maxPool1d(int p) {
        return new MaxPool1d(p, p, 1, Padding.VALID, false);
    }

    public static AvgPool1d avgPool1d(int p) {
        return new AvgPool1d(p, p, Padding.VALID, false, true);
    }

    /** (N, C, *) to (N, C); {@code .withKeepDims(true)} for (N, C, 1, 1). */
    public static GlobalPool globalMaxPool() {
        return new GlobalPool(GlobalPool.Reduction.MAX, false);
    }

    public static GlobalPool globalAvgPool() {
        return new GlobalPool(GlobalPool.Reduction.AVG, false);
    }

    /** Token ids (L) to vectors (dimension, L), no padding index; see {@link Embedding}. */
    public static Embedding embedding(int vocabulary, int dimension) {
        return new Embedding(vocabulary, dimension, -1, new Initializer.Normal(0.05));
    }

    /** 1 for real tokens, 0 where the id is {@code paddingIndex}; see {@link PaddingMask}. */
    public static PaddingMask paddingMask(int paddingIndex) {
        return new PaddingMask(paddingIndex);
    }

    public static Flatten flatten() {
        return new Flatten();
    }

    /** Dense layer without activation (logits), with bias. */
    public static Dense dense(int units) {
        return new Dense(units, Activation.LINEAR, true);
    }

    public static Dense dense(int units, Activation activation) {
        return new Dense(units, activation, true);
    }

    public static Dropout dropout(float rate) {
        return new Dropout(rate);
    }

    /** Batch normalisation of (N, C) or (N, C, L): momentum 0.1 (PyTorch's convention), epsilon 1e-5. */
    public static BatchNorm batchNorm1d() {
        return new BatchNorm(1, 0.1f, 1e-5f);
    }

    /**
     * Batch normalisation of (N, C, H, W): momentum 0.1 (PyTorch's convention), epsilon 1e-5. Keras'
     * defaults (momentum 0.99, epsilon 1e-3) are {@code batchNorm2d().withMomentum(0.01f).withEpsilon(1e-3f)}.
     */
    public static BatchNorm batchNorm2d() {
        return new BatchNorm(2, 0.1f, 1e-5f);
    }

    public static GroupNorm groupNorm(int groups) {
        return new GroupNorm(groups, 1e-5f);
    }

    public static InstanceNorm instanceNorm() {
        return new InstanceNorm(1e-5f);
    }

    /** Normalises over all per-sample axes. */
    public static LayerNorm layerNorm() {
        return new LayerNorm(0, 1e-5f);
    }

    /** AlexNet's: size 5, alpha 1e-4 per channel (5e-4 here), beta 0.75, k 2. */
    public static LocalResponseNorm localResponseNorm(int size, float alpha, float beta, float k) {
        return new LocalResponseNorm(size, alpha, beta, k);
    }

    /** An activation as a layer; ELU and HARD_SIGMOID give their layers with the enum's constants. */
    public static LayerSpec activation(Activation a) {
        return switch (a) {
            case ELU -> elu(1f);
            case HARD_SIGMOID -> hardSigmoid();
            default -> new ActivationLayer(a);
        };
    }

    public static ActivationLayer relu() {
        return new ActivationLayer(Activation.RELU);
    }

    /** ReLU clipped at 6 (MobileNetV2's activation). */
    public static ActivationLayer relu6() {
        return new ActivationLayer(Activation.RELU6);
    }

    public static ActivationLayer softmax() {
        return new ActivationLayer(Activation.SOFTMAX);
    }

    public static ActivationLayer logSoftmax() {
        return new ActivationLayer(Activation.LOG_SOFTMAX);
    }

    public static ActivationLayer sigmoid() {
        return new ActivationLayer(Activation.SIGMOID);
    }

    public static ActivationLayer tanh() {
        return new ActivationLayer(Activation.TANH);
    }

    /** SELU (Klambauer et al., 2017). */
    public static ActivationLayer selu() {
        return new ActivationLayer(Activation.SELU);
    }

    public static ActivationLayer hardSwish() {
        return new ActivationLayer(Activation.HARD_SWISH);
    }

    public static ActivationLayer softplus() {
        return new ActivationLayer(Activation.SOFTPLUS);
    }

    public static LeakyRelu leakyRelu(float alpha) {
        return new LeakyRelu(alpha);
    }

    public static Elu elu(float alpha) {
        return new Elu(alpha);
    }

    /** ONNX's hard sigmoid: alpha 0.2, beta 0.5. */
    public static HardSigmoid hardSigmoid() {
        return new HardSigmoid(0.2f, 0.5f);
    }

    /** PReLU with one slope per channel, initialised to 0.25. */
    public static PRelu prelu() {
        return new PRelu(false, 0.25f);
    }

    public static Maxout maxout(int pieces) {
        return new Maxout(pieces);
    }
}
