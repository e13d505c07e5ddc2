package com.eucimageupdater.aws;

import com.eucimageupdater.approve.MacKey;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/**
 * A KMS HMAC key (HMAC_256): the key material never leaves KMS, and IAM decides who may sign (kms:GenerateMac,
 * the function that mails the links) and who may only check (kms:VerifyMac, the approval endpoint).
 */
public final class KmsMacKey implements MacKey {
    private static final MacAlgorithmSpec ALGORITHM = MacAlgorithmSpec.HMAC_SHA_256;
    private final KmsClient kms;
    private final String keyId;

    public KmsMacKey(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public byte[] sign(byte[] message) {
        return kms.generateMac(request -> request.keyId(keyId).macAlgorithm(ALGORITHM).message(SdkBytes.fromByteArray(message)))
                .mac().asByteArray();
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            return Boolean.TRUE.equals(kms.verifyMac(request -> request.keyId(keyId).macAlgorithm(ALGORITHM)
                    .message(SdkBytes.fromByteArray(message)).mac(SdkBytes.fromByteArray(signature))).macValid());
        } catch (KmsInvalidMacException notOurs) {
            // KMS answers a mismatch with this error rather than MacValid=false.
            return false;
        }
    }
}
