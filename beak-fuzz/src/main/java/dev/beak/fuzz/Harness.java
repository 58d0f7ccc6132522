package dev.beak.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * One loader under fuzzing: a seed corpus of small valid files, how to load (and, for models, use)
 * one input written to a file, and which exceptions are the loader's declared way of refusing a file.
 */
public interface Harness {
    /** The loader's name, as the campaign reports it ({@code idx}, {@code model-file}, ...). */
    String name();

    /** The name the input is written under (loaders that look at the extension need the right one). */
    default String fileName() {
        return "input";
    }

    /** Small valid inputs, made in code. */
    List<byte[]> seeds() throws Exception;

    /** Loads {@code file} (the input's bytes) and uses what it gave; {@code scratch} is a folder for anything else. */
    void load(Path file, Path scratch) throws Exception;

    /** Whether {@code t} is the loader's own "bad file" answer (anything else is a finding). */
    boolean expected(Throwable t);
}
