/** What every {@code beak} command shares, also those of {@code beak spark}: the output group and its JSON. */
module dev.beak.command {
    requires transitive info.picocli;

    exports dev.beak.command;
    opens dev.beak.command to info.picocli;
}
