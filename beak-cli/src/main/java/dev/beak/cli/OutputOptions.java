package dev.beak.cli;

/**
 * The output group ({@code --json}) of beak-command, under this package's name so that the commands
 * here mix it in without an import: {@code @Mixin OutputOptions output}. Nothing is added.
 */
final class OutputOptions extends dev.beak.command.OutputOptions {}
