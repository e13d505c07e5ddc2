package com.eucimageupdater.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.RetryableAwsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.crac.Core;
import org.crac.Resource;

/**
 * Reads the state's JSON into {@code I}, runs one step, writes {@code O}, and logs one JSON line saying how the step
 * ended. Stream handlers keep records, enums and unknown fields under our control rather than the runtime's
 * serializer: every step reads and writes in the shape its {@link StepJson} says (jackson-jr for the records shape).
 */
abstract class JsonHandler<I, O> implements RequestStreamHandler, Resource {
    private final Class<I> inputType;
    private final StepJson json;

    /** With SnapStart, the runtime calls {@link #beforeCheckpoint} once per published version, before the snapshot. */
    protected JsonHandler(Class<I> inputType, StepJson json) {
        this.inputType = inputType;
        this.json = json;
        Core.getGlobalContext().register(this);
    }

    /**
     * Warms the cold path (its classes loaded, linked and run once) so a restored snapshot starts warm, without
     * calling AWS and without leaving anything a clone must not share (credentials, request ids, randomness).
     */
    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        prime();
        new StepLog(step(), "priming", null, null).line(Instant.now(), null, LogLevel.INFO, "PRIMED", 0, null);
    }

    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: clients read credentials from the environment at each call.
    }

    /**
     * The step's work on {@link #sampleInput}, as far as it goes without AWS: at least the first read of the step's
     * input type and the first write of each type it answers with, which introspect those types for their readers and writers.
     */
    protected abstract void prime() throws IOException;

    /** A typical input, which priming reads. */
    protected abstract String sampleInput();

    protected final I readSample() throws IOException {
        return read(new ByteArrayInputStream(sampleInput().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        I request;
        try {
            request = read(input);
        } catch (UnreadableInput e) {
            throw compact(getClass().getSimpleName() + " input: " + e.getMessage(), e.getCause(), context, new StepLog(step(), null, null, null), started);
        }
        StepLog log = logFor(request);
        O result;
        try {
            result = handle(request);
        } catch (ImageUpdateException failed) {
            log.write(context, LogLevel.WARN, "FAILED", elapsedMs(started), failed.getMessage());
            throw failed;
        } catch (RetryableAwsException retryable) {
            log.write(context, LogLevel.WARN, "RETRYABLE", elapsedMs(started), retryable.getMessage());
            throw retryable;
        } catch (RuntimeException unexpected) {
            throw compact(getClass().getSimpleName() + " failed unexpectedly: " + unexpected, unexpected, context, log, started);
        }
        write(output, result);
        after(request, result, context);
        log.write(context, LogLevel.INFO, outcome(result), elapsedMs(started), null);
    }

    /** @throws UnreadableInput when the input is not JSON or not the step's input's shape */
    protected final I read(InputStream input) throws IOException {
        return json.read(input, inputType);
    }

    protected final void write(OutputStream output, O result) throws IOException {
        json.write(output, result);
    }

    protected abstract O handle(I request);

    /** What a step does once its answer is written; the report emits the run's metrics. */
    protected void after(I request, O result, Context context) {}

    /** Who the step worked for: the execution, and the service and image for the image steps. */
    protected abstract StepLog logFor(I request);

    /** How the step ended, in one word for the log, e.g. UPDATE_AVAILABLE, STARTED, PENDING. */
    protected abstract String outcome(O result);

    /** The step's name in the logs: the handler's name without "Handler". */
    protected final String step() {
        return getClass().getSimpleName().replace("Handler", "");
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * A bug, an unforeseen answer or input the step cannot read: the stack trace goes to the function's log, and
     * the image fails with a short reason, because Step Functions would carry the whole Lambda error document
     * (every stack frame of the cause chain) in the execution's data.
     */
    private static RuntimeException compact(String reason, Throwable error, Context context, StepLog log, long started) {
        StringWriter stackTrace = new StringWriter();
        error.printStackTrace(new PrintWriter(stackTrace));
        log.write(context, LogLevel.ERROR, "FAILED", elapsedMs(started), stackTrace.toString());
        return new ImageUpdateException(reason + " (stack trace in the function's log " + context.getLogGroupName() + ")");
    }
}
