package com.eucimageupdater.simulator;

import com.eucimageupdater.simulator.AppStreamImages.Image;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What reaches another place: AppStream images shared with other accounts (what each may do with an image: run fleets,
 * image builders; the image shows, SHARED, in that account in this Region) and copied to other Regions. A share or
 * copy holds this place's lock and the other's one after the other, never both.
 */
final class AppStreamDistribution {
    private final AppStreamBackend place;

    AppStreamDistribution(AppStreamBackend place) {
        this.place = place;
        place.reads("DescribeImagePermissions", this::describeImagePermissions);
        place.changesAcrossPlaces("UpdateImagePermissions", this::updateImagePermissions);
        place.changesAcrossPlaces("DeleteImagePermissions", this::deleteImagePermissions);
        place.changesAcrossPlaces("CopyImage", this::copyImage);
    }

    private JsonNode describeImagePermissions(JsonNode request) {
        Image image = place.images.named(request.get("Name").asText());
        List<String> accounts = request.has("SharedAwsAccountIds") ? Json.texts(request.get("SharedAwsAccountIds")) : null;
        List<ObjectNode> permissions = image.sharedWith.entrySet().stream()
                .filter(share -> accounts == null || accounts.contains(share.getKey()))
                .map(share -> {
                    ObjectNode entry = Json.object().put("sharedAccountId", share.getKey());
                    entry.set("imagePermissions", Json.object().put("allowFleet", share.getValue().allowFleet())
                            .put("allowImageBuilder", share.getValue().allowImageBuilder()));
                    return entry;
                }).toList();
        ObjectNode result = place.paged(permissions, request, "SharedImagePermissionsList", entry -> entry);
        return result.put("Name", image.name);
    }

    /**
     * Shares an image the account owns with one account, or changes what that account may do with it; the image then
     * shows in that account, in this Region, as SHARED.
     */
    private JsonNode updateImagePermissions(JsonNode request) {
        String account = request.get("SharedAccountId").asText();
        Image shared;
        synchronized (place) {
            Image image = place.images.ownedAvailable(request.get("Name").asText(), "shared");
            JsonNode permissions = request.get("ImagePermissions");
            image.sharedWith.put(account, new Scenario.ImagePermissions(
                    permissions.path("allowFleet").asBoolean(false), permissions.path("allowImageBuilder").asBoolean(false)));
            shared = image.sharedCopy();
        }
        shareWith(account, shared);
        return Json.object();
    }

    private JsonNode deleteImagePermissions(JsonNode request) {
        String account = request.get("SharedAccountId").asText();
        String arn;
        synchronized (place) {
            Image image = place.images.named(request.get("Name").asText());
            if (image.sharedWith.remove(account) == null) {
                throw place.error("ResourceNotFoundException", "The image " + image.name + " is not shared with " + account + ".");
            }
            arn = image.arn;
        }
        if (!account.equals(place.accountId)) {
            AppStreamBackend other = place.organization.place(account, place.region).appStream();
            synchronized (other) {
                other.images.sharedWithMe.remove(arn);
            }
        }
        return Json.object();
    }

    /** Copies an image the account owns: the copy is AVAILABLE there at once and has no tags (the API page). */
    private JsonNode copyImage(JsonNode request) {
        Image source;
        synchronized (place) {
            source = place.images.ownedAvailable(request.get("SourceImageName").asText(), "copied");
        }
        String name = request.get("DestinationImageName").asText();
        String destination = request.get("DestinationRegion").asText();
        AppStreamBackend target = destination.equals(place.region) ? place
                : place.organization.place(place.accountId, destination).appStream();
        synchronized (target) {
            if (target.images.own.contains(name)) {
                throw place.error("ResourceAlreadyExistsException", "The image " + name + " already exists in " + destination + ".");
            }
            target.images.own.addCopy(new Image(name, target.arn("image", name, "PRIVATE"), source.baseImageArn, source.displayName,
                    request.path("DestinationImageDescription").textValue(), "PRIVATE", source.platform, place.clock.instant(),
                    source.buildSpec));
        }
        return Json.object().put("DestinationImageName", name);
    }

    /** The scenario's shares, made visible in the accounts they name once every place exists. */
    void shareScenarioImages() {
        List<Map.Entry<String, Image>> shares = new ArrayList<>();
        synchronized (place) {
            place.images.own.all().stream().filter(image -> "PRIVATE".equals(image.visibility))
                    .forEach(image -> image.sharedWith.keySet().forEach(account -> shares.add(Map.entry(account, image.sharedCopy()))));
        }
        shares.forEach(share -> shareWith(share.getKey(), share.getValue()));
    }

    private void shareWith(String account, Image shared) {
        if (account.equals(place.accountId)) {
            return;
        }
        AppStreamBackend other = place.organization.place(account, place.region).appStream();
        synchronized (other) {
            other.images.sharedWithMe.put(shared.arn, shared);
        }
    }
}
