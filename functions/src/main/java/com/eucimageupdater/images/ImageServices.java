package com.eucimageupdater.images;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;

/** The image service for each {@link Service}: the one place where the workflow forks per service. */
public final class ImageServices {
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
                new AppStreamImageService(AppStreamClient.builder().httpClient(http).build()),
                new WorkSpacesImageService(WorkSpacesClient.builder().httpClient(http).build()));
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
