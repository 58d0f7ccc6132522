/** The {@code beak} command. */
module dev.beak.cli {
    requires dev.beak.io;
    requires dev.beak.onnx;
    requires dev.beak.keras;
    requires dev.beak.data;
    requires dev.beak.viz;
    requires dev.beak.bench;
    requires dev.beak.examples;
    requires dev.beak.web;
    requires dev.beak.command;
    requires info.picocli;
    requires java.desktop;
    requires java.management;

    opens dev.beak.cli to info.picocli;
}
