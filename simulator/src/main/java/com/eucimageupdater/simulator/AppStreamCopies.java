package com.eucimageupdater.simulator;

import com.eucimageupdater.simulator.AppStreamImages.Image;
import com.fasterxml.jackson.databind.JsonNode;

/** AppStream images copied to another Region of the same account (or this one). */
final class AppStreamCopies {
    private final AppStreamBackend place;

    AppStreamCopies(AppStreamBackend place) {
        this.place = place;
    }

    /** Copies an image the account owns: the copy is AVAILABLE there at once and has no tags (the API page). */
    JsonNode copyImage(JsonNode request) {
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
}
