/** Layers, models, losses, optimizers, metrics and the training loop. */
module dev.beak.nn {
    requires transitive dev.beak.core;

    exports dev.beak.nn;
}
