package com.eucimageupdater.simulator;

import com.eucimageupdater.simulator.AppStreamImages.Image;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AppStream images shared with other accounts: what each account may do with an image (run fleets, image builders),
 * and the image showing, SHARED, in that account in this Region.
 */
final class AppStreamSharing {
    private final AppStreamBackend place;

    AppStreamSharing(AppStreamBackend place) {
        this.place = place;
    }

    JsonNode describeImagePermissions(JsonNode request) {
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
    JsonNode updateImagePermissions(JsonNode request) {
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

    JsonNode deleteImagePermissions(JsonNode request) {
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
