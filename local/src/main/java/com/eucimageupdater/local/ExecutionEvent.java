package com.eucimageupdater.local;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of the local execution, as the interpreter reports it (slimmed by run-asl.mjs).
 *
 * @param account the account of the image or of the account-and-Region child the event belongs to, else null
 * @param region its Region, else null
 * @param map for Map iteration events, the Map state whose iteration (a child execution when DISTRIBUTED) it is
 * @param inputBytes for a Map iteration's start, the size of the iteration's input in bytes
 */
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
        Integer attempt,
        String account,
        String region,
        String map,
        Integer inputBytes) {}
