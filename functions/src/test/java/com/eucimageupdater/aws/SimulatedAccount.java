package com.eucimageupdater.aws;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A simulated AWS account and real SDK clients pointed at it over HTTP, signing for the scenario's home Region unless
 * told another. The clients keep the SDK's own retry rules but with {@link #SDK_ATTEMPTS} attempts and millisecond
 * backoff, so tests of throttling stay fast.
 */
public final class SimulatedAccount implements AutoCloseable {
    public static final int SDK_ATTEMPTS = 3;

    private final AwsSimulator simulator;
    private final List<SdkAutoCloseable> clients = new ArrayList<>();

    private SimulatedAccount(AwsSimulator simulator) {
        this.simulator = simulator;
    }

    public static SimulatedAccount start(Scenario scenario) {
        return new SimulatedAccount(AwsSimulator.start(scenario));
    }

    public static SimulatedAccount start(String scenarioJson) {
        return start(Scenario.fromJson(scenarioJson));
    }

    public AwsSimulator simulator() {
        return simulator;
    }

    /** The interceptors let a test act between the service's decision and its request, e.g. to stage a race. */
    public AppStreamClient appStream(ExecutionInterceptor... interceptors) {
        return configure(AppStreamClient.builder(), interceptors);
    }

    /** A client of another Region of the home account: the simulator keeps each Region's state apart. */
    public AppStreamClient appStreamIn(String region) {
        return configure(AppStreamClient.builder(), region);
    }

    public WorkSpacesClient workSpacesIn(String region) {
        return configure(WorkSpacesClient.builder(), region);
    }

    public WorkSpacesClient workSpaces(ExecutionInterceptor... interceptors) {
        return configure(WorkSpacesClient.builder(), interceptors);
    }

    public SnsClient sns() {
        return configure(SnsClient.builder());
    }

    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder());
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder());
    }

    /** What the handlers are built with in Lambda, but pointed at this account. */
    public ImageServices imageServices() {
        return new ImageServices(new AppStreamImageService(appStream()), new WorkSpacesImageService(workSpaces()));
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C configure(
            B builder, ExecutionInterceptor... interceptors) {
        return configure(builder, simulator.scenario().region(), interceptors);
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C configure(
            B builder, String region, ExecutionInterceptor... interceptors) {
        BackoffStrategy quick = BackoffStrategy.fixedDelay(Duration.ofMillis(2));
        C client = builder.endpointOverride(simulator.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMULATED", "simulated")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config
                        .executionInterceptors(List.of(interceptors))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(SDK_ATTEMPTS)
                                .backoffStrategy(quick)
                                .throttlingBackoffStrategy(quick)
                                .circuitBreakerEnabled(false)
                                .build()))
                .build();
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(SdkAutoCloseable::close);
        simulator.close();
    }
}
