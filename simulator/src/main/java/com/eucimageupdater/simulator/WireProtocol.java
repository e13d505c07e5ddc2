package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** How one service's answers go on the wire: JSON 1.1 (AppStream, WorkSpaces) or query/XML (SNS). */
interface WireProtocol {
    String contentType();

    byte[] success(String operation, JsonNode output, String requestId);

    byte[] error(ServiceError error, String requestId);

    /** The protocol's answer to an operation the service does not have. */
    ServiceError unknownOperation(String operation);

    /** The protocol's answer to credentials AWS does not know, or that have expired. */
    ServiceError refusedCredentials(boolean expired);
}
