package com.eucimageupdater.approve;

/** A secret key that signs approval links and checks their signatures; it never leaves its keeper. */
public interface MacKey {
    byte[] sign(byte[] message);

    /** False for a signature that this key did not make over this message. */
    boolean verify(byte[] message, byte[] signature);
}
