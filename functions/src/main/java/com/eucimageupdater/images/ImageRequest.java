package com.eucimageupdater.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One image an admin asked to keep patched, as validated from the execution input or cdk.json: a Map item.
 *
 * @param image the source image; null until resolved when the source is given as a fleet or bundle
 * @param fromTarget the fleet or bundle whose image is the source (it is also a production target)
 * @param stagingTargets fleets or bundles moved to the new image as soon as it is AVAILABLE
 * @param productionTargets fleets or bundles moved after approval
 * @param keep how many of the lineage's newest images retention keeps; 0 keeps them all
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageRequest(
        Service service, String image, String fromTarget, String displayName, String description, Map<String, String> tags,
        List<String> stagingTargets, List<String> productionTargets, int keep) {

    public ImageRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        stagingTargets = stagingTargets == null ? List.of() : List.copyOf(stagingTargets);
        productionTargets = productionTargets == null ? List.of() : List.copyOf(productionTargets);
    }

    /** An image with no roll-out: only the new image is built. */
    public ImageRequest(Service service, String image, String displayName, String description, Map<String, String> tags) {
        this(service, image, null, displayName, description, tags, List.of(), List.of(), 0);
    }

    /** Every fleet or bundle the request names: the source's, then staging, then production. */
    public List<String> targets() {
        List<String> targets = new ArrayList<>();
        if (fromTarget != null) {
            targets.add(fromTarget);
        }
        targets.addAll(stagingTargets);
        targets.addAll(productionTargets);
        return targets;
    }
}
