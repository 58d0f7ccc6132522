/**
 * Preprocessing fitted on training data and saved with a model: rescale, per-pixel mean image,
 * per-channel mean, per-channel standardisation, min-max, PCA and ZCA whitening (EJML's SVD). Each
 * step is an immutable {@link dev.beak.data.preprocess.Preprocessor} with a JSON-friendly config and
 * named tensors; {@link dev.beak.data.preprocess.Preprocessing} fits and chains them.
 *
 * <p>Invariant: fitting reads only the data it is given (the training split); applying never refits.
 */
package dev.beak.data.preprocess;
