package com.eucimageupdater.handlers;

import java.util.Map;

/**
 * What the approval endpoint reads of a Lambda Function URL request (payload format 2.0), and what it answers;
 * read and written by {@link RecordJson}, so that the endpoint's jar carries no Jackson databind.
 */
record FunctionUrlEvent(RequestContext requestContext, String rawQueryString, String body, boolean isBase64Encoded) {

    record RequestContext(Http http) {}

    record Http(String method) {}

    String method() {
        return requestContext == null || requestContext.http() == null || requestContext.http().method() == null ? ""
                : requestContext.http().method();
    }

    record Response(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {}
}
