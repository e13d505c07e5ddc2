package com.eucimageupdater.local;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** One event of the local execution, as the interpreter reports it (slimmed by run-asl.mjs). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ExecutionEvent(
        String type,
        long timestamp,
        String state,
        String stateType,
        Integer index,
        String image,
        String service,
        JsonNode output,
        String error,
        String cause,
        Integer attempt) {}
