package dev.beak.data;

/** Placeholder until this module has content. */
final class DataModule {
    private DataModule() {}
}
