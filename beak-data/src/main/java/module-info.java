/**
 * Data: IDX (MNIST, Fashion-MNIST) and CIFAR files, image folders, the background DataLoader,
 * preprocessing fitted on training data, augmentation, and dataset downloads.
 */
module dev.beak.data {
    requires transitive dev.beak.core;
    requires transitive java.desktop;
    requires java.net.http;
    requires ejml.ddense;
    requires ejml.core;

    exports dev.beak.data;
    exports dev.beak.data.image;
    exports dev.beak.data.augment;
    exports dev.beak.data.preprocess;
    exports dev.beak.data.loader;
    exports dev.beak.data.audio;
    exports dev.beak.data.text;
}
