package com.eucimageupdater.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.eucimageupdater.images.ImageUpdateException;
import com.eucimageupdater.images.RetryableAwsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

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
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " input: " + e.getOriginalMessage(), e);
        }
        O result;
        try {
            result = handle(request);
        } catch (ImageUpdateException | RetryableAwsException expected) {
            throw expected;
        } catch (RuntimeException unexpected) {
            throw compact(unexpected, context);
        }
        JSON.writeValue(output, result);
    }

    abstract O handle(I request);

    /**
     * A bug or an unforeseen answer: the stack trace goes to the function's log, and the image fails with a short
     * reason, because Step Functions would carry the whole Lambda error document (every stack frame) in its data.
     */
    private RuntimeException compact(RuntimeException unexpected, Context context) {
        StringWriter stackTrace = new StringWriter();
        unexpected.printStackTrace(new PrintWriter(stackTrace));
        context.getLogger().log(stackTrace.toString());
        return new ImageUpdateException(getClass().getSimpleName() + " failed unexpectedly: " + unexpected
                + " (stack trace in the function's log " + context.getLogGroupName() + ")");
    }
}
