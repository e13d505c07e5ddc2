package com.eucimageupdater.approve;

import java.time.Instant;
import java.util.Map;

/**
 * What the approval endpoint reads of a Lambda Function URL request (payload format 2.0), and what it answers; read
 * and written as {@link com.eucimageupdater.lambda.StepJson#records()}: every component but the null ones.
 */
public record FunctionUrlEvent(RequestContext requestContext, String rawQueryString, String body, boolean isBase64Encoded) {

    /** @param timeEpoch when the request arrived, in milliseconds since the epoch */
    public record RequestContext(Http http, Long timeEpoch) {}

    /** @param sourceIp, userAgent the caller as the Function URL saw it: the address it connected from, its User-Agent */
    public record Http(String method, String sourceIp, String userAgent) {}

    String method() {
        return requestContext == null || requestContext.http() == null || requestContext.http().method() == null ? ""
                : requestContext.http().method();
    }

    String sourceIp() {
        return requestContext == null || requestContext.http() == null ? null : requestContext.http().sourceIp();
    }

    String userAgent() {
        return requestContext == null || requestContext.http() == null ? null : requestContext.http().userAgent();
    }

    /** When the request arrived; null when the event does not say. */
    Instant time() {
        return requestContext == null || requestContext.timeEpoch() == null ? null : Instant.ofEpochMilli(requestContext.timeEpoch());
    }

    public record Response(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {}
}
