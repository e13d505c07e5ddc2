package com.eucimageupdater.aws;

import com.eucimageupdater.publish.EventBus;
import com.eucimageupdater.publish.Publisher;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The run's events and parameters over the SDK: clients from the standard environment (Region, credentials, endpoint, as
 * the SDK finds them: the deployment's own account and Region in Lambda), built once per container by the functions that
 * publish, over the url-connection HTTP client.
 */
public final class Publishing {
    /** A slow PutEvents or PutParameter ends as an error well within the publishing function's timeout. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final ClientOverrideConfiguration CALL_LIMITS = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofSeconds(4))
            .apiCallTimeout(API_CALL_TIMEOUT)
            .build();

    private Publishing() {}

    /** The bus alone: the approval step publishes Approval Requested and writes no parameter. */
    public static EventBus busFromEnvironment() {
        return new EventBridgeBus(EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(CALL_LIMITS).build());
    }

    public static Publisher fromEnvironment() {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        return new Publisher(new EventBridgeBus(EventBridgeClient.builder().httpClient(http).overrideConfiguration(CALL_LIMITS).build()),
                new SsmLineageParameters(SsmClient.builder().httpClient(http).overrideConfiguration(CALL_LIMITS).build()));
    }

    /**
     * For SnapStart's snapshot: a publisher whose clients answer from memory (the bus takes every event, Parameter Store
     * writes version 1), so a sample run through it loads and runs the SDK's marshalling, signing and unmarshalling once,
     * without AWS. Close it after use.
     */
    public static Primed primed() {
        Region region = Region.of(Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1"));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPRIMING", "priming"));
        EventBridgeClient events = EventBridgeClient.builder().region(region).credentialsProvider(credentials)
                .overrideConfiguration(CALL_LIMITS).httpClient(new CannedHttpClient("application/x-amz-json-1.1", "{\"FailedEntryCount\": 0, \"Entries\": [{\"EventId\":"
                        + " \"priming\"}]}")).build();
        SsmClient ssm = SsmClient.builder().region(region).credentialsProvider(credentials).overrideConfiguration(CALL_LIMITS)
                .httpClient(new CannedHttpClient("application/x-amz-json-1.1", "{\"Version\": 1, \"Tier\": \"Standard\"}")).build();
        EventBridgeBus bus = new EventBridgeBus(events);
        return new Primed(new Publisher(bus, new SsmLineageParameters(ssm)), bus, events, ssm);
    }

    /** The priming publisher and bus, and their clients to close. */
    public record Primed(Publisher publisher, EventBus bus, EventBridgeClient events, SsmClient ssm) implements AutoCloseable {
        @Override
        public void close() {
            events.close();
            ssm.close();
        }
    }
}
