package com.eucimageupdater.simulator;

import com.eucimageupdater.simulator.WorkSpacesImages.Image;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What reaches another place: WorkSpaces images shared with other accounts, so that they may copy them (a shared image
 * shows in that account, in this Region, with this account as its OwnerAccountId), and copies from other Regions. A
 * share or copy holds this place's lock and the other's one after the other, never both.
 */
final class WorkSpacesDistribution {
    private final WorkSpacesBackend place;

    WorkSpacesDistribution(WorkSpacesBackend place) {
        this.place = place;
        place.reads("DescribeWorkspaceImagePermissions", this::describeWorkspaceImagePermissions);
        place.changesAcrossPlaces("UpdateWorkspaceImagePermission", this::updateWorkspaceImagePermission);
        place.changesAcrossPlaces("CopyWorkspaceImage", this::copyWorkspaceImage);
    }

    private JsonNode describeWorkspaceImagePermissions(JsonNode request) {
        Image image = owned(request.get("ImageId").asText(), "see whom it is shared with");
        List<ObjectNode> permissions = image.sharedWith.stream().map(account -> Json.object().put("SharedAccountId", account)).toList();
        return place.paged(permissions, request, "MaxResults", "ImagePermissions", entry -> entry).put("ImageId", image.id);
    }

    /** AllowCopyImage true shares the image with the account, false unshares it. */
    private JsonNode updateWorkspaceImagePermission(JsonNode request) {
        String account = request.get("SharedAccountId").asText();
        boolean share = request.get("AllowCopyImage").asBoolean();
        Image shared;
        synchronized (place) {
            Image image = owned(request.get("ImageId").asText(), "share it");
            if (account.equals(place.accountId)) {
                throw place.error("InvalidParameterValuesException", "An image cannot be shared with the account that owns it.");
            }
            if (!"AVAILABLE".equals(image.state)) {
                throw place.error("ResourceUnavailableException", "The image " + image.id + " is " + image.state
                        + "; only AVAILABLE images can be shared.");
            }
            if (share) {
                image.sharedWith.add(account);
            } else {
                image.sharedWith.remove(account);
            }
            shared = image.sharedCopy();
        }
        showTo(account, shared, share);
        return Json.object();
    }

    /**
     * Called in the destination Region (this one) with the source's Region: the source must exist there, in this
     * account (its own or shared with it), and be AVAILABLE. The copy is this account's, AVAILABLE at once, with the
     * request's tags.
     */
    private JsonNode copyWorkspaceImage(JsonNode request) {
        WorkSpacesBackend from = place.organization.place(place.accountId, request.get("SourceRegion").asText()).workSpaces();
        Image source;
        synchronized (from) {
            source = from.images.resource(request.get("SourceImageId").asText());
            if (!"AVAILABLE".equals(source.state)) {
                throw place.error("ResourceUnavailableException", "The image " + source.id + " is " + source.state
                        + "; only AVAILABLE images can be copied.");
            }
        }
        synchronized (place) {
            String name = request.get("Name").asText();
            place.images.checkNameFree(name);
            Image copy = new Image(place.images.newImageId(), name, request.path("Description").textValue(), source.os,
                    source.requiredTenancy, place.accountId, place.clock.instant(), Scenario.Build.DEFAULT);
            WorkSpacesImages.addTags(copy.tags, request.path("Tags"));
            place.images.catalog.addCopy(copy);
            return Json.object().put("ImageId", copy.id);
        }
    }

    /** The scenario's shares, made visible in the accounts they name once every place exists. */
    void shareScenarioImages() {
        List<Map.Entry<String, Image>> shares = new ArrayList<>();
        synchronized (place) {
            place.images.catalog.all().stream().filter(image -> image.ownerAccountId.equals(place.accountId))
                    .forEach(image -> image.sharedWith.forEach(account -> shares.add(Map.entry(account, image.sharedCopy()))));
        }
        shares.stream().filter(share -> !share.getKey().equals(place.accountId))
                .forEach(share -> showTo(share.getKey(), share.getValue(), true));
    }

    /** Shows an image of this account to {@code account} in this Region, or stops showing it. */
    private void showTo(String account, Image shared, boolean visible) {
        WorkSpacesBackend other = place.organization.place(account, place.region).workSpaces();
        synchronized (other) {
            Image seen = other.images.catalog.get(shared.id);
            if (visible && seen == null) {
                other.images.catalog.add(shared);
            } else if (!visible && seen != null && seen.ownerAccountId.equals(place.accountId)) {
                other.images.catalog.remove(seen);
            }
        }
    }

    private Image owned(String imageId, String action) {
        Image image = place.images.resource(imageId);
        if (!image.ownerAccountId.equals(place.accountId)) {
            throw place.error("AccessDeniedException", "The image " + imageId + " is owned by " + image.ownerAccountId
                    + "; only its owner can " + action + ".");
        }
        return image;
    }
}
