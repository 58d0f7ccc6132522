package dev.beak.cli;

import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.keras.KerasImporter;
import dev.beak.onnx.OnnxFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The model file formats of {@code beak convert} and {@code beak run}, by file name: one row each,
 * with the library call that reads it and, where Beak writes the format, the one that writes it.
 */
final class ModelFormats {
    /** How to read a model file. */
    interface Reader {
        SavedModel read(Path file) throws IOException;
    }

    /** How to write a model file (null in a row: Beak does not write the format). */
    interface Writer {
        void write(SavedModel model, Path file) throws IOException;
    }

    record Format(String name, List<String> suffixes, Reader reader, Writer writer) {
        boolean matches(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return suffixes.stream().anyMatch(n::endsWith);
        }
    }

    static final List<Format> FORMATS = List.of(
            new Format("beak", List.of(".beak"), ModelFile::load, ModelFile::save),
            new Format("onnx", List.of(".onnx"), OnnxFiles::load, OnnxFiles::save),
            new Format("keras", List.of(".h5", ".hdf5", ".keras", "model.json"), ModelFormats::readKeras, null));

    private ModelFormats() {}

    /** The format of {@code file} by its name, or one error listing the known ones. */
    static Format of(Path file) {
        for (Format f : FORMATS) if (f.matches(file)) return f;
        throw new IllegalArgumentException(file + ": unknown model format; known: " + known());
    }

    static SavedModel read(Path file) throws IOException {
        Format f = of(file);
        if (!java.nio.file.Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
        return f.reader().read(file);
    }

    static void write(SavedModel model, Path file) throws IOException {
        Format f = of(file);
        if (f.writer() == null) throw new IllegalArgumentException(file + ": Beak reads " + f.name() + " models but does not write them; write "
                + FORMATS.stream().filter(x -> x.writer() != null).map(x -> String.join("/", x.suffixes())).collect(Collectors.joining(", ")));
        f.writer().write(model, file);
    }

    /** A Keras 2 .h5, Keras 3 .keras or TF.js model.json model, without metadata. */
    private static SavedModel readKeras(Path file) throws IOException {
        return new SavedModel(KerasImporter.load(file), Map.of());
    }

    private static String known() {
        return FORMATS.stream().map(f -> f.name() + " (" + String.join(", ", f.suffixes()) + ")").collect(Collectors.joining(", "));
    }

}
