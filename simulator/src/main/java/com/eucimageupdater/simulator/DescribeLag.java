package com.eucimageupdater.simulator;

/**
 * Eventual consistency of a just-made image: the describes that would show it leave it out for their first
 * few calls, while the image already exists for every other call (a create with its name is refused).
 */
final class DescribeLag {
    private int remaining;

    DescribeLag(int describes) {
        this.remaining = describes;
    }

    /** Counts one describe that would show the image; true while that describe must still leave it out. */
    boolean hides() {
        if (remaining > 0) {
            remaining--;
            return true;
        }
        return false;
    }
}
