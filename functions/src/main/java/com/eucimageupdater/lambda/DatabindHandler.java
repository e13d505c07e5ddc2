package com.eucimageupdater.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A run-wide step (plan, report) whose input holds free-form JSON (the execution input, each image's branch
 * result), read with Jackson databind. The mapper lives here, not in {@link JsonHandler}, so the image steps never
 * load databind, and
 * the plan and report steps ship in a jar without the AWS SDK (functions/pom.xml).
 */
public abstract class DatabindHandler<I, O> extends JsonHandler<I, O> {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Class<I> inputType;

    public DatabindHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    /** A typical input, which the step handles in full at priming: the run-wide steps call no AWS API. */
    protected abstract String sampleInput();

    @Override
    protected void prime() throws IOException {
        write(OutputStream.nullOutputStream(), handle(read(new ByteArrayInputStream(sampleInput().getBytes(StandardCharsets.UTF_8)))));
    }

    @Override
    protected final I read(InputStream input) throws IOException {
        try {
            return JSON.readValue(input, inputType);
        } catch (JsonProcessingException e) {
            throw new UnreadableInput(e.getOriginalMessage(), e);
        }
    }

    @Override
    protected final void write(OutputStream output, O result) throws IOException {
        JSON.writeValue(output, result);
    }
}
