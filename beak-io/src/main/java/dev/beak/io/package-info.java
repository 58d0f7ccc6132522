/**
 * Files for models: {@link dev.beak.io.Safetensors} reads and writes float32 tensors in the
 * safetensors layout (with {@link dev.beak.io.SafetensorsContents} for the metadata), and
 * {@link dev.beak.io.AtomicFiles} replaces files all-or-nothing. {@link dev.beak.io.ModelFile} writes a
 * {@link dev.beak.io.SavedModel}: the model with its preprocessing, class names, input geometry, training
 * settings and compile config, each model.json entry through its own codec; layers are described
 * generically (see {@code LayerTypes}). {@link dev.beak.io.CheckpointFile} is a model file with the
 * training state added ({@code training.json}, {@code optimizer.safetensors}), read back as a
 * {@link dev.beak.io.Checkpoint}. {@link dev.beak.io.ImageClassifier} scores image files with a saved
 * model, decoded as its file says, and names the top classes.
 *
 * <p>Invariants: a bad file fails with a {@link dev.beak.data.DataFileException} naming the file, the
 * tensor and the problem, and is fully validated before large arrays are allocated; a failed write
 * never leaves a half-written target or a temporary file behind.
 */
package dev.beak.io;
