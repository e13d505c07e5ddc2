package com.eucimageupdater.images;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;

/**
 * The image service for each {@link Service}: the one place where the workflow forks per service. Each service's
 * client is built on first use, once per container: an AppStream image's steps never build the WorkSpaces client.
 */
public final class ImageServices {
    /**
     * A slow call ends as a retryable SDK error well within the function's timeout (Poll 30 s, Check and Start
     * 60-90 s), so the state machine retries it instead of the image failing on a Lambda timeout.
     */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final ClientOverrideConfiguration CALL_LIMITS = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofSeconds(4))
            .apiCallTimeout(API_CALL_TIMEOUT)
            .build();

    private final Supplier<ImageService> appStream;
    private final Supplier<ImageService> workSpaces;

    public ImageServices(ImageService appStream, ImageService workSpaces) {
        this(() -> appStream, () -> workSpaces);
    }

    private ImageServices(Supplier<ImageService> appStream, Supplier<ImageService> workSpaces) {
        this.appStream = appStream;
        this.workSpaces = workSpaces;
    }

    /**
     * Clients from the standard environment: region, credentials and endpoint ({@code AWS_ENDPOINT_URL*}) as the
     * SDK finds them, over the lightweight url-connection HTTP client, each built when first needed.
     */
    public static ImageServices fromEnvironment() {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        return new ImageServices(
                once(() -> new AppStreamImageService(configure(AppStreamClient.builder(), http).build())),
                once(() -> new WorkSpacesImageService(configure(WorkSpacesClient.builder(), http).build())));
    }

    /** Built once per Lambda container, on first use, so handlers that call no AWS API never build clients. */
    public static ImageServices shared() {
        return Shared.INSTANCE;
    }

    public ImageService forService(Service service) {
        if (service == null) {
            throw new IllegalArgumentException("service: is required and must be APPSTREAM or WORKSPACES");
        }
        return switch (service) {
            case APPSTREAM -> appStream.get();
            case WORKSPACES -> workSpaces.get();
        };
    }

    /**
     * For SnapStart's snapshot: builds each service's client, then sends each service's read call through a client
     * that answers from memory, so the SDK's marshalling, endpoint rules, signing and unmarshalling are loaded and
     * run once. Nothing reaches AWS, and the priming clients, which sign with made-up credentials, are closed.
     */
    public void prime() {
        appStream.get();
        workSpaces.get();
        SdkHttpClient answersNoImages = new CannedHttpClient("{\"Images\": []}");
        Region region = Region.of(Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1"));
        try (AppStreamClient appStreamClient = primingClient(AppStreamClient.builder(), answersNoImages, region);
                WorkSpacesClient workSpacesClient = primingClient(WorkSpacesClient.builder(), answersNoImages, region)) {
            appStreamClient.describeImages(request -> request.names("priming"));
            workSpacesClient.describeWorkspaceImages(request -> request.imageIds("wsi-000000000"));
        }
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C primingClient(B builder, SdkHttpClient http,
            Region region) {
        return builder.httpClient(http).overrideConfiguration(CALL_LIMITS).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPRIMING", "priming"))).build();
    }

    /**
     * The SDK's default region, credential and endpoint chains: in Lambda they stop at the runtime's variables, and
     * naming the providers instead measured no faster (docs/performance.md).
     */
    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B builder, SdkHttpClient http) {
        return builder.httpClient(http).overrideConfiguration(CALL_LIMITS);
    }

    private static Supplier<ImageService> once(Supplier<ImageService> build) {
        return new Supplier<>() {
            private ImageService built;

            @Override
            public synchronized ImageService get() {
                if (built == null) {
                    built = build.get();
                }
                return built;
            }
        };
    }

    /** Answers every request with 200 and one JSON body, without a connection. */
    private record CannedHttpClient(String body) implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", "application/x-amz-json-1.1").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {
                    // Nothing in flight.
                }
            };
        }

        @Override
        public void close() {
            // No connections.
        }
    }

    private static final class Shared {
        static final ImageServices INSTANCE = fromEnvironment();
    }
}
