package com.eucimageupdater.lambda;

import com.eucimageupdater.aws.ImageServices;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A step that calls AWS on images, fleets or bundles (check, start, poll, distribute, resolve, move, retire, find a
 * roll-out): a record in, a record out, every component but the null ones ({@link StepJson#records()}), in the image
 * steps' jar with their clients.
 */
public abstract class RecordStepHandler<I extends Record, O extends Record> extends JsonHandler<I, O> {
    public final ImageServices services;

    public RecordStepHandler(ImageServices services, Class<I> inputType) {
        super(inputType, StepJson.records());
        this.services = services;
    }

    /** The step's answers to the sample, one of each type it answers with, written at priming without calling AWS. */
    protected abstract List<O> sampleResults(I request);

    @Override
    protected final void prime() throws IOException {
        for (O result : sampleResults(readSample())) {
            write(OutputStream.nullOutputStream(), result);
        }
        services.prime();
    }
}
