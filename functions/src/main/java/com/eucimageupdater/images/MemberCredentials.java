package com.eucimageupdater.images;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Credentials for a member account: its role assumed through STS, renewed before they expire, for as long as the
 * container keeps the client.
 */
final class MemberCredentials {
    /** Shows in the member account's CloudTrail as the session that made each change. */
    static final String SESSION_NAME = "euc-image-updater";
    private static final int SESSION_SECONDS = 3600;

    private final MemberAccess access;
    private final SdkHttpClient http;
    private Caller caller;

    /** Who assumes member roles, and where STS is: the same for every member account, found on first need. */
    private record Caller(AwsCredentialsProvider credentials, String region, URI stsEndpoint) {}

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
        Caller self = caller();
        AssumeRoleCredentials credentials = new AssumeRoleCredentials(new AssumeRoleCredentials.Request(http, self.credentials(),
                self.region(), self.stsEndpoint(), access.roleArn(location), SESSION_NAME, access.externalId(), SESSION_SECONDS));
        credentials.resolveCredentials();
        return credentials;
    }

    private synchronized Caller caller() {
        if (caller == null) {
            String region = new DefaultAwsRegionProviderChain().getRegion().id();
            caller = new Caller(DefaultCredentialsProvider.builder().build(), region,
                    AssumeRoleCredentials.endpoint(region, System::getenv, System::getProperty));
        }
        return caller;
    }
}
