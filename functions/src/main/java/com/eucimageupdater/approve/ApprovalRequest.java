package com.eucimageupdater.approve;

/**
 * One answer that a link may give: to the callback task of {@code executionArn} holding {@code taskToken}.
 * The token is a credential for that task: it goes into links and the mail, never into a log.
 */
public record ApprovalRequest(String executionArn, String taskToken, Decision decision) {
    public ApprovalRequest {
        if (executionArn == null || executionArn.isBlank()) {
            throw new IllegalArgumentException("executionArn: is required");
        }
        if (taskToken == null || taskToken.isBlank()) {
            throw new IllegalArgumentException("taskToken: is required");
        }
        if (decision == null) {
            throw new IllegalArgumentException("decision: is required (approve or reject)");
        }
    }

    /** The execution's name: the last part of its ARN, which is what the console and the mail show. */
    public String executionName() {
        return executionArn.substring(executionArn.lastIndexOf(':') + 1);
    }

    /** Without the token, so that a record printed by mistake leaks nothing. */
    @Override
    public String toString() {
        return "ApprovalRequest[" + decision.parameter() + " " + executionArn + "]";
    }
}
