package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Regions, besides its own, where a deployment acts on images, fleets and bundles. Its IAM names only these and
 * its own in image, fleet and bundle ARNs, so the plan refuses an item naming another before any call, rather than
 * let the image steps fail part-way with AccessDenied (a copy made, its tagging refused).
 */
public final class WorkRegions {
    private WorkRegions() {}

    /** cdk.json's targets' Regions, the configured images' region and copyToRegions, and additionalRegions: sorted, once each. */
    public static List<String> of(Collection<String> targetRegions, Object configuredImages, Collection<String> additionalRegions) {
        Set<String> regions = new TreeSet<>(additionalRegions);
        regions.addAll(targetRegions);
        ImageRequests.parse(configuredImages, "images").requests().forEach(image -> {
            Optional.ofNullable(image.region()).ifPresent(regions::add);
            regions.addAll(image.copyToRegions());
        });
        return List.copyOf(regions);
    }

    /**
     * The setting's list (JSON text); unset, the deployment works in its own Region only.
     *
     * @param setting the setting's problems, as {@code settings.workRegions}
     */
    static List<String> parse(String text, Problems setting) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            if (JsonValues.parse(text) instanceof List<?> regions && regions.stream().allMatch(String.class::isInstance)) {
                return regions.stream().map(String.class::cast).toList();
            }
        } catch (JsonProcessingException e) {
            // reported below with the rule
        }
        setting.add("must be a list of Region names such as [\"eu-west-1\"], got " + text
                + "; check \"targets\", \"images\" and \"additionalRegions\" in cdk.json and deploy again");
        return List.of();
    }

    /**
     * Each item's Region and each copy destination must be one the deployment's IAM names. In the deployment's own account
     * that is its own Region or a work Region; in a member account only a work Region: the member role is synthesized
     * where the updater's Region is not known, so it names only the work Regions, and an item there without a region
     * (in the updater's own Region) must find it among them.
     */
    static void check(ParsedImages images, Location own, List<String> workRegions, Problems problems) {
        for (int i = 0; i < images.requests().size(); i++) {
            ImageRequest item = images.requests().get(i);
            Problems at = problems.at(images.path()).index(i);
            boolean member = item.account() != null && !item.account().equals(own.account());
            String region = item.region() != null ? item.region() : own.region();
            if (item.region() != null || member) {
                check(at.at("region"), region, member ? null : own.region(), workRegions);
            }
            for (int j = 0; j < item.copyToRegions().size(); j++) {
                check(at.at("copyToRegions").index(j), item.copyToRegions().get(j), member ? null : own.region(), workRegions);
            }
        }
    }

    /** @param ownRegion the deployment's own Region where IAM names it for this item's account, else null */
    private static void check(Problems field, String region, String ownRegion, List<String> workRegions) {
        if (!region.equals(ownRegion) && !workRegions.contains(region)) {
            String listed = workRegions.isEmpty() ? "none" : String.join(", ", workRegions);
            String where = ownRegion != null ? "(its own " + ownRegion + ", and cdk.json's targets, images and additionalRegions: "
                    : "for a member account (its member role names only cdk.json's targets, images and additionalRegions: ";
            field.add("\"" + region + "\" is not a Region this deployment works in " + where + listed + "); add it to"
                    + " additionalRegions in cdk.json and deploy again" + (ownRegion != null ? "" : ", the member stacks too"));
        }
    }
}
