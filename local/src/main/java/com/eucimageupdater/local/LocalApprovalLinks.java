package com.eucimageupdater.local;

import com.eucimageupdater.approval.ApprovalLinks;
import com.eucimageupdater.approval.MacKey;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        return new ApprovalLinks(stateMachineArn(target), new RunKey());
    }

    /** HMAC-SHA256 with a random key that lives as long as the run. */
    private static final class RunKey implements MacKey {
        private final SecretKeySpec key;

        RunKey() {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            key = new SecretKeySpec(secret, "HmacSHA256");
        }

        @Override
        public byte[] sign(byte[] message) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac.doFinal(message);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }

        @Override
        public boolean verify(byte[] message, byte[] signature) {
            return MessageDigest.isEqual(sign(message), signature);
        }
    }
}
