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
            throw compact(getClass().getSimpleName() + " input: " + e.getOriginalMessage(), e, context);
        }
        O result;
        try {
            result = handle(request);
        } catch (ImageUpdateException | RetryableAwsException expected) {
            throw expected;
        } catch (RuntimeException unexpected) {
            throw compact(getClass().getSimpleName() + " failed unexpectedly: " + unexpected, unexpected, context);
        }
        JSON.writeValue(output, result);
    }

    abstract O handle(I request);

    /**
     * A bug, an unforeseen answer or input the step cannot read: the stack trace goes to the function's log, and
     * the image fails with a short reason, because Step Functions would carry the whole Lambda error document
     * (every stack frame of the cause chain) in the execution's data.
     */
    private static RuntimeException compact(String reason, Exception error, Context context) {
        StringWriter stackTrace = new StringWriter();
        error.printStackTrace(new PrintWriter(stackTrace));
        context.getLogger().log(stackTrace.toString());
        return new ImageUpdateException(reason + " (stack trace in the function's log " + context.getLogGroupName() + ")");
    }
}
