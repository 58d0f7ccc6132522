package dev.beak.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints picocli's completion script for bash and zsh: every command, subcommand and option of {@code beak}. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script for beak (commands, options, enum values).",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(./beak completion)                     # this shell",
                "  ./beak completion > ~/.local/share/bash-completion/completions/beak   # every new shell"})
final class CompletionCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("beak", spec.root().commandLine()));
        out.flush();
    }
}
