package com.eucimageupdater.images;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credentials for a member account: its role assumed through STS, refreshed by the SDK's provider before they expire
 * (it renews them in the last minutes of their hour), for as long as the container keeps the client.
 */
final class MemberCredentials {
    /** Shows in the member account's CloudTrail as the session that made each change. */
    static final String SESSION_NAME = "euc-image-updater";
    private static final int SESSION_SECONDS = 3600;

    private final MemberAccess access;
    private final SdkHttpClient http;
    private StsClient sts;

    MemberCredentials(MemberAccess access, SdkHttpClient http) {
        this.access = access;
        this.http = http;
    }

    /**
     * The provider for a member account, its role assumed once now so that a missing or untrusting role fails with a
     * reason naming it; null for the deployment's own account (the SDK's default chain).
     */
    AwsCredentialsProvider forLocation(Location location) {
        if (!access.isMember(location)) {
            return null;
        }
        String roleArn = access.roleArn(location);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts())
                .refreshRequest(request -> request.roleArn(roleArn).roleSessionName(SESSION_NAME).externalId(access.externalId())
                        .durationSeconds(SESSION_SECONDS))
                .build();
        try {
            provider.resolveCredentials();
            return provider;
        } catch (SdkException e) {
            provider.close();
            throw AwsErrors.translate("AssumeRole " + roleArn + " (account " + location.account() + ")", e);
        }
    }

    private synchronized StsClient sts() {
        if (sts == null) {
            sts = StsClient.builder().httpClient(http)
                    .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(10)).build()).build();
        }
        return sts;
    }
}
