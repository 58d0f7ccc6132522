package dev.beak.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The checkpoint group of {@code beak train}: where checkpoints go, how many stay, and resuming from them. */
final class CheckpointOptions {
    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Write a checkpoint (model, optimizer state, history, settings) into DIR after every epoch.")
    Path dir;

    @Option(names = "--keep", defaultValue = "2", description = "Checkpoints to keep in --checkpoint-dir, newest first (0 = all; default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue from the newest checkpoint in DIR (or from a checkpoint file) with its settings; only --epochs may change.")
    Path resume;
}
