/** Runnable examples that learn on real data installed by package name; {@code beak example} runs them. */
module dev.beak.examples {
    requires transitive dev.beak.io;

    exports dev.beak.examples;
    exports dev.beak.examples.text;
    exports dev.beak.examples.board;
    exports dev.beak.examples.speech;
    exports dev.beak.examples.seeds;
}
