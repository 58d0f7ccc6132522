package dev.beak.cli;

/** Placeholder until this module has content. */
final class CliModule {
    private CliModule() {}
}
