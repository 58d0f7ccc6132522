package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.beak.io.SavedModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * ONNX files as model files: {@link #load} imports the graph and restores what Beak's export put in
 * the metadata (class names, preprocessing, input geometry, free-form metadata), so that a Beak
 * model written to ONNX and read back is the model file it was; {@link #save} exports.
 */
public final class OnnxFiles {
    private OnnxFiles() {}

    public static SavedModel load(Path file) throws IOException {
        ModelProto proto = OnnxImporter.read(file);
        OnnxModel onnx = OnnxImporter.fromProto(proto, OnnxImporter.modelName(file), null);
        return OnnxExportMetadata.read(proto, onnx.model(), file.toString());
    }

    public static void save(SavedModel saved, Path file) throws IOException {
        OnnxExporter.export(saved, file);
    }
}
