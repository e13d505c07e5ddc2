package com.eucimageupdater.simulator;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;

/**
 * Real SDK clients pointed at a simulator, with the SDK's own retry rules but millisecond backoff to keep tests fast:
 * as the home account (static keys) in us-east-1, or with any credentials in any Region.
 */
final class SdkClients {
    static final AwsCredentialsProvider HOME = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMULATED", "simulated"));

    private SdkClients() {}

    static AppStreamClient appStream(AwsSimulator simulator, int maxAttempts) {
        return appStream(simulator, maxAttempts, Region.US_EAST_1, HOME);
    }

    static AppStreamClient appStream(AwsSimulator simulator, int maxAttempts, Region region, AwsCredentialsProvider credentials) {
        return configure(AppStreamClient.builder(), simulator, maxAttempts, region, credentials);
    }

    static WorkSpacesClient workSpaces(AwsSimulator simulator, int maxAttempts) {
        return workSpaces(simulator, maxAttempts, Region.US_EAST_1, HOME);
    }

    static WorkSpacesClient workSpaces(AwsSimulator simulator, int maxAttempts, Region region, AwsCredentialsProvider credentials) {
        return configure(WorkSpacesClient.builder(), simulator, maxAttempts, region, credentials);
    }

    static SnsClient sns(AwsSimulator simulator, int maxAttempts) {
        return sns(simulator, maxAttempts, Region.US_EAST_1, HOME);
    }

    static SnsClient sns(AwsSimulator simulator, int maxAttempts, Region region, AwsCredentialsProvider credentials) {
        return configure(SnsClient.builder(), simulator, maxAttempts, region, credentials);
    }

    static EventBridgeClient eventBridge(AwsSimulator simulator, Region region) {
        return configure(EventBridgeClient.builder(), simulator, 1, region, HOME);
    }

    static SsmClient ssm(AwsSimulator simulator, Region region) {
        return configure(SsmClient.builder(), simulator, 1, region, HOME);
    }

    static StsClient sts(AwsSimulator simulator, AwsCredentialsProvider credentials) {
        return configure(StsClient.builder(), simulator, 1, Region.US_EAST_1, credentials);
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
            B builder, AwsSimulator simulator, int maxAttempts, Region region, AwsCredentialsProvider credentials) {
        BackoffStrategy quick = BackoffStrategy.fixedDelay(Duration.ofMillis(5));
        return builder.endpointOverride(simulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(maxAttempts)
                        .backoffStrategy(quick)
                        .throttlingBackoffStrategy(quick)
                        .circuitBreakerEnabled(false)
                        .build()))
                .build();
    }
}
