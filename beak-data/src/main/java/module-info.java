/**
 * Data: IDX (MNIST, Fashion-MNIST) and CIFAR files, image folders, the background DataLoader,
 * preprocessing fitted on training data, augmentation, and dataset downloads.
 */
module dev.beak.data {
    requires transitive dev.beak.core;
    requires transitive java.desktop;
    requires java.net.http;
    // EJML (PCA/ZCA whitening) has no module name of its own, and a published module must not require
    // jar-derived names: EJML is read from the class path (the build passes --add-reads dev.beak.data=ALL-UNNAMED;
    // on a module path, give the JVM the same flag).

    exports dev.beak.data;
    exports dev.beak.data.image;
    exports dev.beak.data.augment;
    exports dev.beak.data.preprocess;
    exports dev.beak.data.loader;
    exports dev.beak.data.audio;
    exports dev.beak.data.text;
}
