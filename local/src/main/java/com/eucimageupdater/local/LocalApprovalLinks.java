package com.eucimageupdater.local;

import com.eucimageupdater.approval.ApprovalLinks;
import com.eucimageupdater.approval.HmacKey;
import java.net.URI;
import java.util.UUID;

/**
 * Approval links for a local run: signed as deployed (the same {@link ApprovalLinks}), with a key of this run
 * instead of KMS, and an endpoint that does not exist, since {@code --approve} answers for the admin.
 */
final class LocalApprovalLinks {
    static final URI ENDPOINT = URI.create("https://approval.local.invalid/");

    private LocalApprovalLinks() {}

    static String stateMachineArn(LocalWorkflow.Target target) {
        return "arn:aws:states:" + target.region() + ":" + target.account() + ":stateMachine:euc-image-updater";
    }

    static ApprovalLinks forRun(LocalWorkflow.Target target) {
        // A random key that lives as long as the run: nothing outside the run can sign for it.
        return new ApprovalLinks(stateMachineArn(target), new HmacKey(UUID.randomUUID().toString()));
    }
}
