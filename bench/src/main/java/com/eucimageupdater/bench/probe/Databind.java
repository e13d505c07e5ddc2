package com.eucimageupdater.bench.probe;

import com.eucimageupdater.model.ImageJob;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Jackson databind as it comes (a plain ObjectMapper, beside the run jar) reading the step's input into its record, and writing it. */
public final class Databind extends Probe {
    @Override
    void run(byte[] input) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        json.writeValueAsBytes(json.readValue(input, ImageJob.class));
    }
}
