package dev.beak.cli;

/**
 * Training defaults of the command line. The seed's Adam learning rate 1e-4 is raised to 1e-3 and
 * decays by 0.8 per epoch (1e-3 to 1.3e-4 over ten epochs): fast progress first, then a settled
 * minimum, so the final test accuracy does not wobble from epoch to epoch.
 */
final class Defaults {
    static final double LEARNING_RATE = 1e-3;
    static final double LR_DECAY = 0.8;
    static final int BATCH_SIZE = 32;
    static final int DEMO_EPOCHS = 10;
    static final long SEED = 42;

    private Defaults() {}
}
