package com.eucimageupdater.bench.probe;

import com.eucimageupdater.model.ImageJob;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;

/** jackson-jr as it comes (JSON.std, beside the image steps' jar) reading the step's input into its record, and writing it. */
public final class JacksonJr extends Probe {
    @Override
    void run(byte[] input) throws IOException {
        JSON json = JSON.std.without(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);
        json.asBytes(json.beanFrom(ImageJob.class, input));
    }
}
