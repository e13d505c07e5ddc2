package com.eucimageupdater.lambda;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A run-wide step (plan, summarize builds, plan the roll-out, report, the approval mail): its input holds free-form
 * JSON (the execution input, each image's branch result), read as its types' annotations say ({@link StepJson#annotated()}).
 * These steps ship in jars without the image steps' AWS clients (functions/pom.xml).
 */
public abstract class RunStepHandler<I, O> extends JsonHandler<I, O> {

    public RunStepHandler(Class<I> inputType) {
        super(inputType, StepJson.annotated());
    }

    /** The sample handled in full, its answer written: the run-wide steps call no AWS API. */
    @Override
    protected void prime() throws IOException {
        write(OutputStream.nullOutputStream(), handle(readSample()));
    }
}
