package com.eucimageupdater.approval;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;

/**
 * The one mail that asks for the production roll-out: the new images, what was staged (and what each staged
 * fleet or bundle used before), what production will get, the approve and reject links and the CLI commands that
 * do the same, and how to undo the roll-out afterwards.
 */
public final class ApprovalMail {
    /** SNS subjects: at most 100 printable ASCII characters. */
    private static final int SUBJECT_MAX = 100;

    private ApprovalMail() {}

    public record Mail(String subject, String message) {}

    public static Mail write(ApprovalMailRequest request, ApprovalLinks links, URI endpoint) {
        ApprovalRequest approve = new ApprovalRequest(request.executionId(), request.token(), Decision.APPROVE);
        ApprovalRequest reject = new ApprovalRequest(request.executionId(), request.token(), Decision.REJECT);
        String execution = approve.executionName();
        StringBuilder body = new StringBuilder("euc-image-updater run " + execution + " on " + request.runDate()
                + ": the new images are AVAILABLE and staged; production waits for your approval.\n\nNew images:\n");
        for (JsonNode build : request.builds()) {
            for (JsonNode result : build.path("results")) {
                // A promote's images were built and staged by the run it promotes.
                if (!List.of("UPDATED", "STAGED").contains(result.path("outcome").asText())) {
                    continue;
                }
                body.append("  ").append(result.path("service").asText()).append(' ').append(result.path("image").asText()).append(" -> ")
                        .append(result.path("newImageName").asText(result.path("newImage").asText())).append(" (account ")
                        .append(build.path("account").asText()).append(", ").append(build.path("region").asText()).append(")\n")
                        .append(result.path("details").asText(""));
            }
        }
        body.append("\nProduction will get, once approved:\n");
        for (JsonNode rollout : request.production()) {
            body.append("  ").append(rollout.path("newImageName").asText()).append(" (account ").append(rollout.path("account").asText())
                    .append(", ").append(rollout.path("region").asText()).append(") -> ");
            rollout.path("targets").forEach(target -> body.append(target.asText()).append(' '));
            body.append('\n');
        }
        body.append("\nApprove: ").append(links.link(endpoint, approve))
                .append("\nReject:  ").append(links.link(endpoint, reject))
                .append("\n\n(The links open a page with a button; nothing is decided until you press it.) Or with the AWS CLI:\n  ")
                .append(links.cliCommand(approve)).append("\n  ").append(links.cliCommand(reject))
                .append("\n\nWithout an answer within ").append(request.approvalTimeoutSeconds() / 3600).append(" h")
                .append(", nothing goes to production. To undo the roll-out later, start the state machine with {\"rollback\": \"")
                .append(execution).append("\"}.\n");
        String subject = "euc-image-updater: approve the roll-out of run " + execution;
        return new Mail(subject.length() <= SUBJECT_MAX ? subject : subject.substring(0, SUBJECT_MAX), body.toString());
    }
}
