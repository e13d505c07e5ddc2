package com.eucimageupdater.approve;

import com.eucimageupdater.model.Approval;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the state machine's callback task hands the approval step: the token (a credential, never logged), the
 * execution, the built images' results, what production will get and what approving would delete.
 *
 * @param timeZone the schedule's time zone, in which the mail gives the deadline
 * @param builds each account and Region's summarised results: new images, what each update brings, what was staged
 * @param production the roll-out plan's production list
 * @param previews for each entry of {@code production}, in its order: what its fleets or bundles use now and which
 *                 images retention deletes once it is rolled out, or the error that kept the preview from saying
 * @param approval required (production waits for an approve) or auto (production rolls out when the wait ends, unless rejected)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalMailRequest(String token, String executionId, String runDate, int approvalTimeoutSeconds, String timeZone,
        Object builds, Object production, Object previews, Approval approval) {

    /** Without the token, so that a record printed by mistake leaks nothing. */
    @Override
    public String toString() {
        return "ApprovalMailRequest[" + executionId + "]";
    }
}
