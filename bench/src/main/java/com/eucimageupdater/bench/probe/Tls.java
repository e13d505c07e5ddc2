package com.eucimageupdater.bench.probe;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;

/** The JDK's default TLS context and its trust store: every HTTPS client pays it before its first AWS call. */
public final class Tls extends Probe {
    @Override
    void run(byte[] input) {
        try {
            SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
