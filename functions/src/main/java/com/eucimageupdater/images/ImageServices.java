package com.eucimageupdater.images;

import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;

/** The image service for each {@link Service}: the one place where the workflow forks per service. */
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

    private final ImageService appStream;
    private final ImageService workSpaces;

    public ImageServices(ImageService appStream, ImageService workSpaces) {
        this.appStream = appStream;
        this.workSpaces = workSpaces;
    }

    /**
     * Clients from the standard environment: region, credentials and endpoint ({@code AWS_ENDPOINT_URL*})
     * as the SDK's default chains find them, over the lightweight url-connection HTTP client.
     */
    public static ImageServices fromEnvironment() {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        return new ImageServices(
                new AppStreamImageService(AppStreamClient.builder().httpClient(http).overrideConfiguration(CALL_LIMITS).build()),
                new WorkSpacesImageService(WorkSpacesClient.builder().httpClient(http).overrideConfiguration(CALL_LIMITS).build()));
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
            case APPSTREAM -> appStream;
            case WORKSPACES -> workSpaces;
        };
    }

    private static final class Shared {
        static final ImageServices INSTANCE = fromEnvironment();
    }
}
