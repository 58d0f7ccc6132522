package dev.beak.nn;

/** Placeholder until this module has content. */
final class NnModule {
    private NnModule() {}
}
