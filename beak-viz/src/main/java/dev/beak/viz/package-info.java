/**
 * Explainability: each picture is one call on a {@link dev.beak.nn.Model} and writes a PNG.
 *
 * <ul>
 * <li>{@link dev.beak.viz.TrainingCurves}: accuracy and loss per epoch, training against validation,
 *     the best validation epoch marked (PNG and SVG).</li>
 * <li>{@link dev.beak.viz.ConfusionChart}: the confusion matrix (beak-nn's) as a picture.</li>
 * <li>{@link dev.beak.viz.Activations}, {@link dev.beak.viz.Filters}: feature maps of one input, and
 *     first-layer weights.</li>
 * <li>{@link dev.beak.viz.GradientAscent}: inputs that maximise a filter (patterns) or a class score.</li>
 * <li>{@link dev.beak.viz.Saliency}, {@link dev.beak.viz.GradCam}: where the network looks.</li>
 * <li>{@link dev.beak.viz.DeepDream}, {@link dev.beak.viz.StyleTransfer}: images optimised against
 *     a layer's activations.</li>
 * <li>{@link dev.beak.viz.Adversarial}: FGSM and iterative FGSM.</li>
 * </ul>
 *
 * <p>Invariants: images are tensors (N, C, H, W) in the model's input range; layers are named as in
 * {@code model.nodes()} (for example {@code conv2d_1}); the model's parameters are never changed, and
 * gradients are taken with respect to inputs and activations only ({@link dev.beak.viz.Probe}).
 * Rendering is headless (AWT images, no window).
 */
package dev.beak.viz;
