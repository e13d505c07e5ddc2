package software.amazon.awssdk.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.servicemetadata.Appstream2ServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.WorkspacesServiceMetadata;

/**
 * The function jar's GeneratedServiceMetadataProvider knows no service, so clients sign for their own region (the
 * SDK's fallback). That is what the SDK's own metadata says for AppStream and WorkSpaces in every Region it lists.
 * It also lists legacy FIPS pseudo-regions (us-east-1-fips), which sign for their Region; Lambda's AWS_REGION never
 * names one, and FIPS endpoints come from the services' endpoint rules.
 */
class ServiceMetadataReplacementTest {

    static List<ServiceMetadata> sdkMetadata() {
        return List.of(new Appstream2ServiceMetadata(), new WorkspacesServiceMetadata());
    }

    @ParameterizedTest
    @MethodSource("sdkMetadata")
    void theFallbackSignsForTheRegionAsTheSdksMetadataDoes(ServiceMetadata sdk) {
        assertFalse(sdk.regions().isEmpty());
        for (Region region : sdk.regions().stream().filter(region -> !region.id().contains("fips")).toList()) {
            assertEquals(sdk.signingRegion(region), new DefaultServiceMetadata("appstream2").signingRegion(region), region::id);
        }
        assertEquals(null, new GeneratedServiceMetadataProvider().serviceMetadata("appstream2"));
    }
}
