package dev.beak.nn;

import dev.beak.nn.layer.Dense;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;

import java.util.ArrayList;
import java.util.List;

/**
 * The two-phase transfer-learning recipe for small data sets (Chollet, <i>Deep Learning with
 * Python</i>, 5.3): keep a pretrained network's base up to the layer {@code cut}, freeze it, put a new
 * classifier on it ({@code hidden} layers, then a dense layer with one output per class, logits) and
 * train only that; then unfreeze the top of the base from {@code fineTuneFrom} and train on at a
 * learning rate {@code fineTuneLrFactor} times the first (1/10 by default). Training itself is the
 * caller's ({@link Model#fit}); the recipe makes the models and switches the phases. The head may
 * also be trained alone on cached base outputs: {@link #head} is the same head as in {@link #model}.
 *
 * {@snippet :
 * TransferRecipe recipe = TransferRecipe.cutAt("flatten").withHead(Layers.dense(256, Activation.RELU), Layers.dropout(0.5))
 *         .fineTuningFrom("conv2d_1");
 * Model model = recipe.model(pretrained, classes, seed);       // base frozen, new head
 * model.compile(new Adam(1e-3), new CrossEntropy()).fit(train, FitOptions.epochs(5));
 * recipe.startFineTuning(model);                                 // conv2d_1 and above trainable
 * model.compile(new Adam(1e-3 * recipe.fineTuneLrFactor()), new CrossEntropy()).fit(train, FitOptions.epochs(3));
 * }
 *
 * @param cut the last layer of the base that is kept
 * @param hidden the head's layers before its final dense layer (may be empty)
 * @param fineTuneFrom the first base layer unfrozen for fine-tuning, or null for no fine-tuning
 * @param fineTuneLrFactor the fine-tuning learning rate as a fraction of the head's
 */
public record TransferRecipe(String cut, List<LayerSpec> hidden, String fineTuneFrom, double fineTuneLrFactor) {
    /** The name the head's layers get in the full model's summary: the head is its own small model first. */
    public static final String HEAD_NAME = "head";

    public TransferRecipe {
        hidden = List.copyOf(hidden);
        if (!(fineTuneLrFactor > 0 && Double.isFinite(fineTuneLrFactor))) {
            throw new IllegalArgumentException("the fine-tuning learning-rate factor must be finite and > 0, got " + fineTuneLrFactor);
        }
    }

    /** The base up to {@code cut}, a head of one dense layer, no fine-tuning. */
    public static TransferRecipe cutAt(String cut) {
        return new TransferRecipe(cut, List.of(), null, 0.1);
    }

    /**
     * Where a classifier's base ends by default: the layer feeding its last dense layer (else the layer feeding
     * its output), so that the base keeps everything but the classifier; Keras' and Chollet's usual cut.
     */
    public static String defaultCut(Model model) {
        List<GraphNode> nodes = model.nodes();
        int at = model.outputs()[0];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i).spec() instanceof Dense) {
                at = i;
                break;
            }
        }
        int[] in = nodes.get(at).inputs();
        if (in.length != 1 || in[0] < 0) {
            throw new IllegalArgumentException("model " + model.name() + ": cannot tell where its base ends (" + nodes.get(at).name()
                    + " has no single layer as input); name the cut layer, one of " + model.layerNames());
        }
        return nodes.get(in[0]).name();
    }

    public TransferRecipe withHead(LayerSpec... hiddenLayers) {
        return new TransferRecipe(cut, List.of(hiddenLayers), fineTuneFrom, fineTuneLrFactor);
    }

    public TransferRecipe fineTuningFrom(String layer) {
        return new TransferRecipe(cut, hidden, layer, fineTuneLrFactor);
    }

    public TransferRecipe withFineTuneLrFactor(double factor) {
        return new TransferRecipe(cut, hidden, fineTuneFrom, factor);
    }

    /** The pretrained base cut at {@link #cut}, sharing {@code pretrained}'s weights, every layer frozen. */
    public Model base(Model pretrained) {
        return pretrained.truncatedAt(cut).freezeAll();
    }

    /** A new head for base outputs of shape {@code featureShape}: the hidden layers and a dense layer of {@code classes} logits. */
    public Model head(int[] featureShape, int classes, long seed) {
        if (classes < 2) throw new IllegalArgumentException("a classifier head needs at least 2 classes, got " + classes);
        List<LayerSpec> layers = new ArrayList<>(hidden);
        if (featureShape.length > 1) layers.addFirst(Layers.flatten());
        layers.add(Layers.dense(classes));
        Sequential s = Sequential.of(layers.toArray(LayerSpec[]::new)).named(HEAD_NAME).seed(seed);
        return s.withInputShape(featureShape);
    }

    /** Phase one's model: the frozen base of {@code pretrained} (weights shared) followed by a new head. */
    public Model model(Model pretrained, int classes, long seed) {
        Model base = base(pretrained);
        return base.followedBy(head(base.outputShape(), classes, seed));
    }

    /** Phase one's model from a head already trained (on cached features, say): the frozen base followed by that head, shared. */
    public Model model(Model pretrained, Model trainedHead) {
        return base(pretrained).followedBy(trainedHead);
    }

    /** Phase two: unfreezes {@link #fineTuneFrom} and every layer after it (the top of the base and the head). */
    public Model startFineTuning(Model model) {
        if (fineTuneFrom == null) throw new IllegalStateException("this recipe does no fine-tuning: give fineTuningFrom(layer)");
        return model.unfreezeFrom(fineTuneFrom);
    }
}
