/** ONNX import: graphs read from .onnx files become Beak models (native layers or saveable ONNX nodes). */
module dev.beak.onnx {
    requires transitive dev.beak.io;
    // Automatic modules: the ONNX protobuf classes (ai.onnx.proto; in the ONNX API) and their runtime.
    requires transitive org.tribuo.util.onnx;
    requires com.google.protobuf;

    exports dev.beak.onnx;

    provides dev.beak.nn.layer.LayerTypeProvider with dev.beak.onnx.OnnxLayerTypes;
}
