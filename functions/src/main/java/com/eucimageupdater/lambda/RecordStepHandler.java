package com.eucimageupdater.lambda;

import com.eucimageupdater.aws.ImageServices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A roll-out step that calls AWS (resolve, move, retire, find a roll-out): a record in, a record out, through
 * {@link RecordJson}, in the image steps' jar with their clients.
 */
public abstract class RecordStepHandler<I extends Record, O extends Record> extends JsonHandler<I, O> {
    public final ImageServices services;
    private final Class<I> inputType;

    public RecordStepHandler(ImageServices services, Class<I> inputType) {
        this.services = services;
        this.inputType = inputType;
    }

    /** A typical input, read and answered (with {@link #sampleResult}) at priming, without calling AWS. */
    protected abstract String sampleInput();

    /** The step's answer for the sample, for priming the writer. */
    protected abstract O sampleResult(I request);

    @Override
    protected final void prime() throws IOException {
        I sample = read(new ByteArrayInputStream(sampleInput().getBytes(StandardCharsets.UTF_8)));
        write(OutputStream.nullOutputStream(), sampleResult(sample));
        services.prime();
    }

    @Override
    protected final I read(InputStream input) throws IOException {
        return RecordJson.read(input, inputType);
    }

    @Override
    protected final void write(OutputStream output, O result) throws IOException {
        RecordJson.write(output, result);
    }
}
