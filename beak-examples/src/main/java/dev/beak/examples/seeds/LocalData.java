package dev.beak.examples.seeds;

import dev.beak.data.Downloader;
import dev.beak.data.PublicDataset;
import dev.beak.examples.MissingDataException;

import java.nio.file.Path;

/** Finds a data set on this machine (a system package's folder, else Beak's cache) without downloading. */
final class LocalData {
    private LocalData() {}

    static Path find(PublicDataset d, String howToGet) throws MissingDataException {
        return d.localCopy(Downloader.defaultCache()).orElseThrow(() -> new MissingDataException("no local copy of " + d.id() + ": " + howToGet));
    }

    static final String CIFAR = "Debian has no CIFAR-10 package; 'beak data get cifar10' downloads it into the Beak cache";
}
