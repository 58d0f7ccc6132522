/**
 * Pictures of what a network learned: training curves, confusion matrix, activations, filters and
 * filter patterns, class maximisation, saliency, Grad-CAM, Deep Dream, style transfer and
 * adversarial examples. Everything works on any {@link dev.beak.nn.Model}, through its graph.
 */
module dev.beak.viz {
    requires transitive dev.beak.nn;
    requires transitive java.desktop;
    // XChart and VectorGraphics2D have no module names of their own, and a published module must not require
    // jar-derived names: they are read from the class path (the build passes --add-reads dev.beak.viz=ALL-UNNAMED;
    // on a module path, give the JVM the same flag).

    exports dev.beak.viz;
}
