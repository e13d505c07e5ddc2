package com.eucimageupdater.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads the state's JSON into {@code I}, runs one step, writes {@code O}. Stream handlers with our own
 * Jackson mapper keep records, enums and unknown fields under our control rather than the runtime's serializer.
 */
abstract class JsonHandler<I, O> implements RequestStreamHandler {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Class<I> inputType;

    JsonHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request;
        try {
            request = JSON.readValue(input, inputType);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " input: " + e.getOriginalMessage(), e);
        }
        JSON.writeValue(output, handle(request));
    }

    abstract O handle(I request);
}
