/**
 * Fuzzing of every loader. A {@link dev.beak.fuzz.Harness} knows one file format: its seed corpus
 * (small valid files made in code; for Keras files, beak-keras's test fixtures), how to load an input, and which exceptions are the loader's own
 * way of saying "bad file" ({@code DataFileException}, {@code OnnxImportException}). The
 * {@link dev.beak.fuzz.Mutator} derives inputs from the seeds (bit flips, interesting values, size
 * fields rewritten, truncation, insertion, splices); a {@link dev.beak.fuzz.Campaign} runs them and
 * counts unexpected exception types, inputs slower than the time limit and inputs that allocate more
 * than the memory limit, keeping each such input in a findings folder.
 *
 * <p>Invariant: an input either loads (and, for models, runs once) or fails with the harness's
 * expected exception type; never another exception, an {@link Error}, a hang or a huge allocation.
 */
package dev.beak.fuzz;
