package dev.beak.ops;

/** The ops facade. */
public final class Ops {
    private Ops() {}
}
