package dev.beak.io;

import java.io.IOException;

/**
 * A {@link java.util.function.Consumer} that may throw {@link IOException}, for code that writes to a
 * stream handed to it.
 *
 * @param <T> what is consumed, typically an {@link java.io.OutputStream}
 */
@FunctionalInterface
public interface IoConsumer<T> {
    void accept(T t) throws IOException;
}
