package com.eucimageupdater.bench.probe;

/** Nothing: the JVM's start, the runtime's class loader and the handler call, the floor under every cold start. */
public final class Noop extends Probe {
    @Override
    void run(byte[] input) {}
}
