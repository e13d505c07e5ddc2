package com.eucimageupdater.bench.probe;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Building clients over the url-connection client, as the function jar does: one service's or both, with the
 * SDK's default region and credential chains or with Lambda's variables read directly. The input names the
 * variant: {@code one|both} and {@code default|explicit}.
 */
public final class Clients extends Probe {
    @Override
    void run(byte[] input) {
        String variant = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        boolean explicit = variant.contains("explicit");
        UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create();
        List<SdkAutoCloseable> clients = new ArrayList<>();
        clients.add(configure(AppStreamClient.builder(), explicit).httpClient(http).build());
        if (variant.contains("both")) {
            clients.add(configure(WorkSpacesClient.builder(), explicit).httpClient(http).build());
        }
        clients.forEach(SdkAutoCloseable::close);
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B builder, boolean explicit) {
        return explicit
                ? builder.region(Region.of(System.getenv("AWS_REGION"))).credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                : builder;
    }
}
