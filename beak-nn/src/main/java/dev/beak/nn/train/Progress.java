package dev.beak.nn.train;

/**
 * Told how far a loop of known length has come: explanations that iterate (Deep Dream, style transfer,
 * gradient ascent, adversarial attacks) call it after every step. {@link StepProgress} draws it as a bar.
 *
 * {@snippet : DeepDream.of(model, image, "conv2d_1", options, StepProgress.onStderr("Deep Dream")) }
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (done, total) -> {};

    /** {@code done} of {@code total} steps are finished (1 <= done <= total). */
    void step(int done, int total);
}
