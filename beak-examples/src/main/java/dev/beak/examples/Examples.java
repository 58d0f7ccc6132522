package dev.beak.examples;

import java.util.List;
import java.util.Optional;

/** The registry of runnable examples, in the order {@code beak example list} shows them. */
public final class Examples {
    private static final List<Example> ALL = List.of(new dev.beak.examples.text.LanguageId(), new dev.beak.examples.board.BoardMoves(),
            new dev.beak.examples.speech.SpokenDigits(), new dev.beak.examples.seeds.MnistCnn(), new dev.beak.examples.seeds.CifarCnn(),
            new dev.beak.examples.seeds.AlexNetFashion(), new dev.beak.examples.seeds.TransferDigits());

    private Examples() {}

    public static List<Example> all() {
        return ALL;
    }

    public static Optional<Example> byName(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
