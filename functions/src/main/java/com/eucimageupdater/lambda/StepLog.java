package com.eucimageupdater.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One JSON line per step: the execution, service, image, outcome and duration. Handed to the runtime's logger as
 * bytes with a level: the Lambda runtime filters them by the function's application log level and, in JSON log
 * format, passes them on unchanged as a structured event (a String message would be wrapped as text in a
 * {@code message} field). Written by hand, as both function jars can: a logging framework (Log4j, Powertools)
 * costs hundreds of classes at start.
 *
 * @param step the handler's step, e.g. {@code Check}
 * @param execution the Step Functions execution's name
 * @param service APPSTREAM or WORKSPACES, null for the run-wide steps
 * @param image the source image as the admin gave it, null for the run-wide steps
 */
public record StepLog(String step, String execution, String service, String image) {

    /** The step ended: {@code outcome} says how, e.g. UPDATE_AVAILABLE, STARTED, PENDING, FAILED. */
    void write(Context context, LogLevel level, String outcome, long durationMs, String detail) {
        context.getLogger().log(line(Instant.now(), context.getAwsRequestId(), level, outcome, durationMs, detail), level);
    }

    byte[] line(Instant time, String requestId, LogLevel level, String outcome, long durationMs, String detail) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "timestamp", time.toString());
        field(json, "level", level.name());
        field(json, "message", step + (image == null ? "" : " " + service + " " + image) + ": " + outcome
                + (detail == null ? "" : " (" + detail + ")"));
        field(json, "step", step);
        field(json, "execution", execution);
        field(json, "service", service);
        field(json, "image", image);
        field(json, "outcome", outcome);
        json.append("\"durationMs\":").append(durationMs);
        json.append(',');
        field(json, "detail", detail);
        field(json, "requestId", requestId);
        json.setLength(json.length() - 1);
        return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append("\",");
    }
}
