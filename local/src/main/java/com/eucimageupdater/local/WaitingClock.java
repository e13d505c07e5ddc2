package com.eucimageupdater.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of a local run whose Wait states take no time: it stands still while a step runs, and jumps to the end of each wait
 * a step asks for ({@code waitUntil} in its answer), as if the execution had waited that long. The rebuild's windows and wave
 * timeouts are reckoned in it.
 */
final class WaitingClock extends Clock {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicReference<Instant> now;

    WaitingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the local run's clock is in UTC, as the steps read it");
    }

    /** Never backwards: bundles rebuilt side by side share the clock, and the latest wait's end is where they all are. */
    void jumpTo(Instant until) {
        now.accumulateAndGet(until, (current, next) -> next.isAfter(current) ? next : current);
    }

    /** The handler with this clock jumping to the end of each wait its answer asks for. */
    RequestStreamHandler jumpingAfter(RequestStreamHandler handler) {
        return (InputStream input, OutputStream output, Context context) -> {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            handler.handleRequest(input, answer, context);
            JsonNode waitUntil = JSON.readTree(answer.toByteArray()).path("waitUntil");
            if (waitUntil.isTextual()) {
                jumpTo(Instant.parse(waitUntil.asText()));
            }
            answer.writeTo(output);
        };
    }
}
