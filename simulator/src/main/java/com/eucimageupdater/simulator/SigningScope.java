package com.eucimageupdater.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=<access key>/<date>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=...}.
 * Signatures are not verified: the simulator needs only who signed and for which Region and service.
 */
record SigningScope(String accessKeyId, String region, String service) {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

    /** The scope of the header, or null when there is none (or it is not SigV4): raw HTTP requests. */
    static SigningScope parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher credential = CREDENTIAL.matcher(authorization);
        return credential.find() ? new SigningScope(credential.group(1), credential.group(2), credential.group(3)) : null;
    }
}
