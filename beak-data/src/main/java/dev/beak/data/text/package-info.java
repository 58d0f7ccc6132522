/**
 * Text for 1-d CNNs: a {@link dev.beak.data.text.Tokenizer} (characters or words) and a
 * {@link dev.beak.data.text.Vocabulary} built from training texts that turns a text into a fixed-length
 * row of token ids for an {@code Embedding} layer. A model file stores the vocabulary (beak-io), so
 * that a saved text model reads new text exactly as it read its training data.
 *
 * <p>Invariants: id 0 is padding, id 1 stands for any token not in the vocabulary; the other ids
 * follow the order of the vocabulary's token list.
 */
package dev.beak.data.text;
