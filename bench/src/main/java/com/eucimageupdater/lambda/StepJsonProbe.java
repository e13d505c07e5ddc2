package com.eucimageupdater.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.eucimageupdater.model.ImageJob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A benchmark probe (packaged in the benchmark's probes jar): the image steps' JSON path alone, {@link StepJson#records()}
 * reading the step's input into its record and writing it, beside the function jar.
 */
public final class StepJsonProbe implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StepJson.records().write(OutputStream.nullOutputStream(),
                StepJson.records().read(new ByteArrayInputStream(input.readAllBytes()), ImageJob.class));
        output.write("done".getBytes(StandardCharsets.UTF_8));
    }
}
