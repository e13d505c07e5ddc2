package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.approve.MacKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/** The link signatures as the real SDK asks KMS for them and checks them. */
class KmsMacKeyTest {
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final byte[] MESSAGE = "signed fields".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MAC = {1, 2, 3, 4};
    private ScriptedAwsJsonService kmsService;
    private MacKey key;

    @BeforeEach
    void start() throws IOException {
        kmsService = new ScriptedAwsJsonService();
        key = new KmsMacKey(kmsService.client(KmsClient.builder()), KEY);
    }

    @AfterEach
    void stop() {
        kmsService.close();
    }

    @Test
    void signingAsksKmsForAnHmacSha256OfTheMessageWithTheKey() {
        kmsService.reply(200, "{\"KeyId\":\"" + KEY + "\",\"MacAlgorithm\":\"HMAC_SHA_256\",\"Mac\":\""
                + Base64.getEncoder().encodeToString(MAC) + "\"}");

        assertArrayEquals(MAC, key.sign(MESSAGE));
        ScriptedAwsJsonService.Request request = kmsService.requests().get(0);
        assertEquals("TrentService.GenerateMac", request.target());
        assertEquals(KEY, request.body().get("KeyId").asText());
        assertEquals("HMAC_SHA_256", request.body().get("MacAlgorithm").asText());
        assertEquals(Base64.getEncoder().encodeToString(MESSAGE), request.body().get("Message").asText());
    }

    @Test
    void aSignatureKmsConfirmsIsValid() {
        kmsService.reply(200, "{\"KeyId\":\"" + KEY + "\",\"MacAlgorithm\":\"HMAC_SHA_256\",\"MacValid\":true}");

        assertTrue(key.verify(MESSAGE, MAC));
        ScriptedAwsJsonService.Request request = kmsService.requests().get(0);
        assertEquals("TrentService.VerifyMac", request.target());
        assertEquals(Base64.getEncoder().encodeToString(MAC), request.body().get("Mac").asText());
        assertEquals(Base64.getEncoder().encodeToString(MESSAGE), request.body().get("Message").asText());
    }

    @Test
    void aSignatureKmsRejectsWithKmsInvalidMacIsInvalid() {
        kmsService.error("KMSInvalidMacException", "The MAC is not valid");

        assertFalse(key.verify(MESSAGE, MAC));
    }
}
