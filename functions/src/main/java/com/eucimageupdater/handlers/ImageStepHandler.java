package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A step on one image (check, start, poll): an {@link ImageJob} in, a record out, through {@link RecordJson}. */
abstract class ImageStepHandler<O extends Record> extends JsonHandler<ImageJob, O> {
    final ImageServices services;

    ImageStepHandler(ImageServices services) {
        this.services = services;
    }

    @Override
    final ImageJob read(InputStream input) throws IOException {
        return RecordJson.read(input, ImageJob.class);
    }

    @Override
    final void write(OutputStream output, O result) throws IOException {
        RecordJson.write(output, result);
    }

    @Override
    final StepLog logFor(ImageJob job) {
        return new StepLog(step(), job.executionName(), job.service() == null ? null : job.service().name(), job.image());
    }
}
