package dev.beak.io;

/** Placeholder until this module has content. */
final class IoModule {
    private IoModule() {}
}
