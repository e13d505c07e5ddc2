package com.eucimageupdater.approve;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA-256 key held in memory, standing in for the KMS key in the tests (which count how often it is asked to
 * check a signature).
 */
public final class HmacKey implements MacKey {
    private final SecretKeySpec key;
    private int verifications;

    public HmacKey(String secret) {
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        verifications++;
        return MessageDigest.isEqual(sign(message), signature);
    }

    public int verifications() {
        return verifications;
    }
}
