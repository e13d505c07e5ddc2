package com.eucimageupdater.bench.probe;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * What every client build asks: the service's signing region, from the SDK's metadata of all services (the SDK's
 * own jar) or from the function jar's replacement, which has none and falls back to the client's region.
 */
public final class ServiceMetadataOfAllServices extends Probe {
    @Override
    void run(byte[] input) {
        ServiceMetadata.of("appstream2").signingRegion(Region.US_EAST_1);
    }
}
