/** Mutation fuzzing of Beak's loaders: one harness per file format, a mutator, and a campaign runner. */
module dev.beak.fuzz {
    requires dev.beak.onnx;
    requires dev.beak.keras;
    requires jdk.management;
    requires java.desktop;

    exports dev.beak.fuzz;
}
