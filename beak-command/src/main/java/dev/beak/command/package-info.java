/**
 * The conventions every {@code beak} command follows, in one place so that the commands of
 * {@code beak spark} (which run on Spark's class path, apart from beak-cli) follow them too:
 * {@link dev.beak.command.OutputOptions}, the {@code --json} group, and {@link dev.beak.command.Json},
 * the one-line JSON it prints (numbers as numbers, arrays as arrays).
 */
package dev.beak.command;
