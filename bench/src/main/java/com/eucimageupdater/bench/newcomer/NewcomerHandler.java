package com.eucimageupdater.bench.newcomer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.DescribeImagesResponse;

/**
 * The baseline: what a newcomer to Lambda writes. The client is built inside the handler with the SDK's defaults
 * (Apache HTTP client, default region, credential and endpoint chains) and makes the check step's first call.
 * It reads no JSON, which only flatters it.
 */
public final class NewcomerHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        try (AppStreamClient appStream = AppStreamClient.create()) {
            DescribeImagesResponse images = appStream.describeImages(r -> r.names("Base-Win2022"));
            output.write(("{\"state\": \"" + images.images().get(0).stateAsString() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
