package com.eucimageupdater.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the state machine's callback task hands the approval step: the token (a credential, never logged), the
 * execution, the built images' results and what production will get.
 *
 * @param builds each account and Region's summarised results: new images and what was staged
 * @param production the roll-out plan's production list
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalMailRequest(String token, String executionId, String runDate, int approvalTimeoutSeconds, JsonNode builds,
        JsonNode production) {

    /** Without the token, so that a record printed by mistake leaks nothing. */
    @Override
    public String toString() {
        return "ApprovalMailRequest[" + executionId + "]";
    }
}
