package com.eucimageupdater.simulator;

import com.eucimageupdater.simulator.AppStreamImages.Image;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** AppStream's fleets and image builders in one place, and the image each runs; moving a fleet to another image. */
final class AppStreamFleets {
    /** CreateStreamingURL's default Validity (the API reference: 60 seconds). */
    private static final long DEFAULT_URL_VALIDITY_SECONDS = 60;
    private final AppStreamBackend place;
    private final Map<String, Fleet> fleets = new LinkedHashMap<>();
    private final List<ImageBuilder> imageBuilders = new ArrayList<>();

    AppStreamFleets(AppStreamBackend place, Scenario.AppStream scenario) {
        this.place = place;
        scenario.fleets().forEach(spec -> fleets.put(spec.name(), new Fleet(spec, place.arn("fleet", spec.name(), "PRIVATE"),
                spec.imageName() == null ? null : place.images.own.get(spec.imageName()))));
        scenario.imageBuilders().forEach(spec -> imageBuilders.add(new ImageBuilder(spec.name(),
                place.arn("image-builder", spec.name(), "PRIVATE"), place.images.own.get(spec.imageName()), spec.state())));
        place.reads("DescribeFleets", this::describeFleets);
        place.changes("UpdateFleet", this::updateFleet);
        place.reads("DescribeImageBuilders", this::describeImageBuilders);
        place.reads("CreateStreamingURL", this::createStreamingUrl);
    }

    /**
     * A URL for a session on the fleet through the stack, as AWS hands one out only when the stack is associated with the
     * fleet and the fleet is RUNNING; nothing is kept (a session starts only when the URL is opened).
     */
    private JsonNode createStreamingUrl(JsonNode request) {
        String stack = request.get("StackName").asText();
        if (fleets.values().stream().noneMatch(fleet -> fleet.stacks.contains(stack))) {
            throw place.error("ResourceNotFoundException", "The stack " + stack + " does not exist.");
        }
        Fleet fleet = fleet(request.get("FleetName").asText());
        if (!fleet.stacks.contains(stack)) {
            throw place.error("InvalidParameterCombinationException", "The fleet " + fleet.name + " is not associated with the stack "
                    + stack + ".");
        }
        if (!"RUNNING".equals(fleet.state)) {
            throw place.error("ResourceNotAvailableException", "The fleet " + fleet.name + " is " + fleet.state
                    + "; streaming URLs are created only for a RUNNING fleet.");
        }
        long validity = request.has("Validity") ? request.get("Validity").asLong() : DEFAULT_URL_VALIDITY_SECONDS;
        return Json.object().put("StreamingURL", "https://appstream2." + place.region + ".aws.amazon.com/authenticate?parameters="
                + Integer.toHexString(Objects.hash(stack, fleet.name, request.get("UserId").asText())))
                .set("Expires", Json.epochSeconds(Instant.now().plusSeconds(validity)));
    }

    private JsonNode describeFleets(JsonNode request) {
        List<Fleet> selected = request.has("Names") ? Json.texts(request.get("Names")).stream().map(this::fleet).toList()
                : List.copyOf(fleets.values());
        selected.forEach(fleet -> fleet.describesSinceMove++);
        return place.paged(selected, request, "Fleets", Fleet::toJson);
    }

    /**
     * Moves an Always-On or On-Demand fleet to another image. A running fleet keeps its sessions and takes only an
     * image of its own platform (update-fleets-new-image.html); a STARTING or STOPPING fleet cannot be updated.
     * Of the other attributes only DisplayName and Description are kept; the rest are accepted and ignored.
     */
    private JsonNode updateFleet(JsonNode request) {
        if (request.has("ImageName") && request.has("ImageArn")) {
            throw place.error("InvalidParameterCombinationException", "ImageName and ImageArn cannot be used together.");
        }
        Fleet fleet = fleet(request.get("Name").asText());
        if (fleet.state.equals("STARTING") || fleet.state.equals("STOPPING")) {
            throw place.error("ConcurrentModificationException", "The fleet " + fleet.name + " is " + fleet.state
                    + "; it can be updated when it is RUNNING or STOPPED.");
        }
        if (request.has("ImageName") || request.has("ImageArn")) {
            if ("ELASTIC".equals(fleet.type)) {
                throw place.error("InvalidParameterCombinationException", "The fleet " + fleet.name
                        + " is an Elastic fleet, which runs app blocks and takes no image.");
            }
            Image image = request.has("ImageName") ? place.images.named(request.get("ImageName").asText())
                    : place.images.byArn(request.get("ImageArn").asText());
            if (!"AVAILABLE".equals(image.state)) {
                throw place.error("ResourceNotAvailableException", "The image " + image.name + " is " + image.state
                        + "; a fleet can use only an AVAILABLE image.");
            }
            if (!image.platform.equals(fleet.platform) && !"STOPPED".equals(fleet.state)) {
                throw place.error("IncompatibleImageException", "The image " + image.name + " is " + image.platform
                        + " and the fleet " + fleet.name + " is " + fleet.platform
                        + "; stop the fleet to change its platform.");
            }
            if (fleet.image != image) {
                fleet.moved = true;
                fleet.describesSinceMove = 0;
            }
            fleet.image = image;
            fleet.platform = image.platform;
        }
        if (request.has("DisplayName")) {
            fleet.displayName = request.get("DisplayName").asText();
        }
        if (request.has("Description")) {
            fleet.description = request.get("Description").asText();
        }
        return Json.object().set("Fleet", fleet.toJson());
    }

    private JsonNode describeImageBuilders(JsonNode request) {
        List<ImageBuilder> selected = request.has("Names")
                ? Json.texts(request.get("Names")).stream().map(name -> imageBuilders.stream()
                        .filter(builder -> builder.name.equals(name)).findFirst()
                        .orElseThrow(() -> place.error("ResourceNotFoundException", "The image builder " + name + " does not exist.")))
                        .toList()
                : imageBuilders;
        return place.paged(selected, request, "ImageBuilders", ImageBuilder::toJson);
    }

    /** What runs {@code image}, e.g. "fleet prod", "image builder builder": it cannot be deleted meanwhile. */
    List<String> usersOf(Image image) {
        List<String> users = new ArrayList<>();
        fleets.values().stream().filter(fleet -> fleet.image == image).forEach(fleet -> users.add("fleet " + fleet.name));
        imageBuilders.stream().filter(builder -> builder.image == image).forEach(builder -> users.add("image builder " + builder.name));
        return users;
    }

    List<Scenario.Fleet> snapshotFleets() {
        return fleets.values().stream().map(fleet -> new Scenario.Fleet(fleet.name, fleet.type, fleet.state, fleet.platform,
                fleet.image == null ? null : fleet.image.name, fleet.instanceType, fleet.desiredInstances, fleet.displayName,
                fleet.description, fleet.afterMove, fleet.stacks)).toList();
    }

    List<Scenario.ImageBuilder> snapshotImageBuilders() {
        return imageBuilders.stream().map(builder -> new Scenario.ImageBuilder(builder.name, builder.image.name, builder.state)).toList();
    }

    private Fleet fleet(String name) {
        Fleet fleet = fleets.get(name);
        if (fleet == null) {
            throw place.error("ResourceNotFoundException", "The fleet " + name + " does not exist.");
        }
        return fleet;
    }

    private static final class Fleet {
        final String name;
        final String arn;
        final String type;
        final String instanceType;
        final int desiredInstances;
        /** What the fleet reports once moved to another image; null: as before the move. */
        final FleetAfterMove afterMove;
        final List<String> stacks;
        /** Whether UpdateFleet moved it to another image, and how many describes showed it since. */
        boolean moved;
        int describesSinceMove;
        String state;
        String platform;
        String displayName;
        String description;
        /** Null for an Elastic fleet. */
        Image image;

        /** A fleet as the scenario lists it, running {@code image}; its platform is its image's unless the scenario says. */
        Fleet(Scenario.Fleet spec, String arn, Image image) {
            this.name = spec.name();
            this.arn = arn;
            this.type = spec.type();
            this.instanceType = spec.instanceType();
            this.desiredInstances = spec.desiredInstances();
            this.afterMove = spec.afterMove();
            this.stacks = spec.stacks() == null ? List.of() : List.copyOf(spec.stacks());
            this.state = spec.state();
            this.displayName = spec.displayName();
            this.description = spec.description();
            this.image = image;
            this.platform = spec.platform() != null ? spec.platform() : image != null ? image.platform : "WINDOWS_SERVER_2019";
        }

        /** Every desired instance, unless a move to another image scripted fewer, or none while they are replaced. */
        private int runningInstances() {
            if (!moved || afterMove == null) {
                return desiredInstances;
            }
            if (describesSinceMove <= afterMove.replacingDescribes()) {
                return 0;
            }
            return afterMove.available() == null ? desiredInstances : Math.min(desiredInstances, afterMove.available());
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("Arn", arn).put("Name", name);
            Json.putIfPresent(json, "DisplayName", displayName);
            Json.putIfPresent(json, "Description", description);
            if (image != null) {
                json.put("ImageName", image.name).put("ImageArn", image.arn);
            }
            json.put("InstanceType", instanceType).put("FleetType", type);
            int running = "RUNNING".equals(state) ? runningInstances() : 0;
            json.set("ComputeCapacityStatus", Json.object().put("Desired", desiredInstances).put("Running", running)
                    .put("InUse", 0).put("Available", running));
            if (moved && afterMove != null && !afterMove.fleetErrors().isEmpty()) {
                ArrayNode errors = json.putArray("FleetErrors");
                afterMove.fleetErrors().forEach(error -> errors.add(Json.object().put("ErrorCode", error.errorCode())
                        .put("ErrorMessage", error.errorMessage())));
            }
            json.put("State", state).put("Platform", platform).set("CreatedTime", Json.epochSeconds(Scenario.IMAGES_CREATED));
            return json;
        }
    }

    private record ImageBuilder(String name, String arn, Image image, String state) {
        ObjectNode toJson() {
            ObjectNode json = Json.object().put("Name", name).put("Arn", arn).put("ImageArn", image.arn)
                    .put("InstanceType", "stream.standard.medium").put("Platform", image.platform).put("State", state);
            json.set("CreatedTime", Json.epochSeconds(Scenario.IMAGES_CREATED));
            return json;
        }
    }
}
