package com.eucimageupdater.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One piece of a cold start, alone in a fresh JVM, loaded like a handler beside the jars it needs: what each lever
 * in docs/performance.md removes or keeps. Answers "done" when its work is done.
 */
public abstract class Probe implements RequestStreamHandler {
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        run(input.readAllBytes());
        output.write("done".getBytes(StandardCharsets.UTF_8));
    }

    abstract void run(byte[] input) throws IOException;
}
