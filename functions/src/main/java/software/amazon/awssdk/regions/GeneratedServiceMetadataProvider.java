package software.amazon.awssdk.regions;

/**
 * Replaces the SDK's class of this name in the function jar (the shade plugin leaves the SDK's out). The SDK's
 * version builds the metadata of all 300-odd AWS services, 313 classes and about 150 ms of a cold start, when a
 * client is built, only for the client to ask its service's signing region. AppStream and WorkSpaces are regional
 * services whose endpoints come from their endpoint rules, so the SDK's fallback for a service it has no metadata
 * for ({@code DefaultServiceMetadata}: signing region = the client's region) gives the same answer.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {
    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return null;
    }
}
