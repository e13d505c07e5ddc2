package com.eucimageupdater.simulator;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;

/** Real SDK clients pointed at a simulator, with the SDK's own retry rules but millisecond backoff to keep tests fast. */
final class SdkClients {
    private SdkClients() {}

    static AppStreamClient appStream(AwsSimulator simulator, int maxAttempts) {
        return configure(AppStreamClient.builder(), simulator, maxAttempts);
    }

    static WorkSpacesClient workSpaces(AwsSimulator simulator, int maxAttempts) {
        return configure(WorkSpacesClient.builder(), simulator, maxAttempts);
    }

    static SnsClient sns(AwsSimulator simulator, int maxAttempts) {
        return configure(SnsClient.builder(), simulator, maxAttempts);
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
            B builder, AwsSimulator simulator, int maxAttempts) {
        BackoffStrategy quick = BackoffStrategy.fixedDelay(Duration.ofMillis(5));
        return builder.endpointOverride(simulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMULATED", "simulated")))
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
