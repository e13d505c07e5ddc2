package com.eucimageupdater.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A benchmark probe (in the handlers' package to reach {@link StepLog}, packaged in the benchmark's probes jar):
 * the step's JSON log line alone, written through the runtime's logger, beside the function jar.
 */
public final class StepLogProbe implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        new StepLog("Check", "bench", "APPSTREAM", "Base-Win2022").write(context, LogLevel.INFO, "UPDATE_AVAILABLE", 1, null);
        output.write("done".getBytes(StandardCharsets.UTF_8));
    }
}
