package com.eucimageupdater.aws;

import com.eucimageupdater.approve.MacKey;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/**
 * A KMS HMAC key (HMAC_256): the key material never leaves KMS, and IAM decides who may sign (kms:GenerateMac,
 * the function that mails the links) and who may only check (kms:VerifyMac, the approval endpoint).
 */
public final class KmsMacKey implements MacKey {
    private static final MacAlgorithmSpec ALGORITHM = MacAlgorithmSpec.HMAC_SHA_256;

    /** A slow kms:GenerateMac or kms:VerifyMac ends as an error well within the calling function's timeout. */
    public static final Duration KMS_CALL_TIMEOUT = Duration.ofSeconds(8);

    private final KmsClient kms;
    private final String keyId;

    public KmsMacKey(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    /** The key with a KMS client of its own, from the standard environment: build it once per container. */
    public static KmsMacKey withOwnClient(String keyId) {
        return new KmsMacKey(KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(3))
                        .apiCallTimeout(KMS_CALL_TIMEOUT)
                        .build())
                .build(), keyId);
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
