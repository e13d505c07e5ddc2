package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AppStream's images in one place: the account's own, by name, and those other accounts share with it; making updated
 * images, describing them (a describe moves the builds it shows on), tagging and deleting them.
 */
final class AppStreamImages {
    private final AppStreamBackend place;
    final ImageCatalog<Image> own;
    /** Other accounts' images shared with this one in this Region, by ARN (their names may be this account's too). */
    final Map<String, Image> sharedWithMe = new LinkedHashMap<>();

    AppStreamImages(AppStreamBackend place, Scenario.AppStream scenario) {
        this.place = place;
        this.own = new ImageCatalog<>(place.clock, "FAILED", scenario.maxUpdatesInFlight(), scenario.newImagesHiddenForDescribes());
        own.load(scenario.images(), spec -> {
            Image image = new Image(spec.name(), place.arn("image", spec.name(), spec.visibility()), spec.baseImageArn(),
                    spec.displayName(), spec.description(), spec.visibility(), spec.platform(),
                    ScenarioRules.createdTime(spec.name(), spec.created()), spec.build());
            image.agentVersion = spec.agentVersion();
            image.latestAgent = spec.latestAgent();
            // Shared from the scenario: with both permissions, as the console shares, unless it says which.
            spec.sharedWithAccounts().forEach(account -> image.sharedWith.put(account, new Scenario.ImagePermissions(true, true)));
            image.sharedWith.putAll(spec.imagePermissions());
            return image;
        });
        place.changes("CreateUpdatedImage", request -> !request.path("dryRun").asBoolean(false), this::createUpdatedImage);
        place.reads("DescribeImages", this::describeImages);
        place.reads("ListTagsForResource", this::listTagsForResource);
        place.changes("TagResource", this::tagResource);
        place.changes("DeleteImage", this::deleteImage);
    }

    private JsonNode createUpdatedImage(JsonNode request) {
        Image source = named(request.get("existingImageName").asText());
        if (request.path("dryRun").asBoolean(false)) {
            return Json.object().put("canUpdateImage", source.updateAvailable).set("image", source.toJson());
        }
        if (!"AVAILABLE".equals(source.state)) {
            throw place.error("OperationNotPermittedException", "The image " + source.name + " is " + source.state
                    + "; only AVAILABLE images can be updated.");
        }
        if (!"PRIVATE".equals(source.visibility)) {
            throw place.error("OperationNotPermittedException", "The image " + source.name + " is " + source.visibility
                    + "; you can update only images you own.");
        }
        if (!source.updateAvailable) {
            return Json.object().put("canUpdateImage", false);
        }
        String newName = request.get("newImageName").asText();
        if (own.contains(newName)) {
            throw place.error("ResourceAlreadyExistsException", "The image " + newName + " already exists.");
        }
        // Each update runs on a temporary image builder, so the builder quota caps updates in flight.
        own.requireRoomForUpdate(updates -> place.error("LimitExceededException",
                "The image builder quota for your account is reached: " + updates));
        Image image = new Image(newName, place.arn("image", newName, "PRIVATE"), source.arn,
                request.path("newImageDisplayName").textValue(), request.path("newImageDescription").textValue(), "PRIVATE",
                source.platform, place.clock.instant(), source.buildSpec);
        request.path("newImageTags").fields().forEachRemaining(tag -> image.tags.put(tag.getKey(), tag.getValue().asText()));
        own.addUpdate(image, source);
        // The API page: with dryRun false the service "initiates the process ... without displaying whether image
        // updates are available", so the answer carries the new image and no canUpdateImage.
        return Json.object().set("image", image.toJson());
    }

    private JsonNode describeImages(JsonNode request) {
        if (request.has("Names") && request.has("Arns")) {
            throw place.error("InvalidParameterCombinationException", "Names and Arns cannot be used together.");
        }
        List<Image> selected = request.has("Names") ? Json.texts(request.get("Names")).stream().map(this::named).toList()
                : request.has("Arns") ? Json.texts(request.get("Arns")).stream().map(this::byArn).toList()
                : all();
        if (request.has("Type")) {
            selected = selected.stream().filter(image -> image.visibility.equals(request.get("Type").asText())).toList();
        }
        List<Image> shown = selected.stream().filter(image -> !image.lag.hides()).toList();
        if (request.has("Names") || request.has("Arns")) {
            // An image asked for by name or ARN that the describe cannot see yet is answered as missing.
            selected.stream().filter(image -> !shown.contains(image)).findFirst().ifPresent(hidden -> {
                throw request.has("Names") ? notFound(hidden.name) : notFoundArn(hidden.arn);
            });
        }
        return place.paged(shown, request, "Images", image -> {
            own.advance(image);
            return image.toJson();
        });
    }

    private JsonNode listTagsForResource(JsonNode request) {
        return Json.object().set("Tags", Json.stringMap(byArn(request.get("ResourceArn").asText()).tags));
    }

    private JsonNode tagResource(JsonNode request) {
        Image image = byArn(request.get("ResourceArn").asText());
        request.get("Tags").fields().forEachRemaining(tag -> image.tags.put(tag.getKey(), tag.getValue().asText()));
        return Json.object();
    }

    /** Refused while a fleet or image builder uses the image or it is shared (unshare first), as the API page says. */
    private JsonNode deleteImage(JsonNode request) {
        Image image = named(request.get("Name").asText());
        List<String> users = place.fleets.usersOf(image);
        if (!users.isEmpty()) {
            throw place.error("ResourceInUseException", "The image " + image.name + " is in use by " + String.join(", ", users) + ".");
        }
        if (!"PRIVATE".equals(image.visibility)) {
            throw place.error("OperationNotPermittedException", "The image " + image.name + " is " + image.visibility
                    + "; you can delete only images you own.");
        }
        if (!image.sharedWith.isEmpty()) {
            throw place.error("OperationNotPermittedException", "The image " + image.name + " is shared with "
                    + String.join(", ", image.sharedWith.keySet()) + "; unshare it before deleting it.");
        }
        if (image.build != null) {
            throw place.error("ConcurrentModificationException", "The image " + image.name + " is still being built.");
        }
        own.remove(image);
        image.state = "DELETING";
        return Json.object().set("Image", image.toJson());
    }

    /** The account's own image {@code name}, AVAILABLE, for an {@code action} (shared, copied) only such an image allows. */
    Image ownedAvailable(String name, String action) {
        Image image = named(name);
        if (!"PRIVATE".equals(image.visibility)) {
            throw place.error("ResourceNotAvailableException", "The image " + name + " is " + image.visibility
                    + "; only images you own can be " + action + ".");
        }
        if (!"AVAILABLE".equals(image.state)) {
            throw place.error("ResourceNotAvailableException", "The image " + name + " is " + image.state
                    + "; only AVAILABLE images can be " + action + ".");
        }
        return image;
    }

    /** An image of this account by name, else one shared with it. */
    Image named(String name) {
        Image image = own.get(name);
        if (image == null) {
            image = sharedWithMe.values().stream().filter(shared -> shared.name.equals(name)).findFirst()
                    .orElseThrow(() -> notFound(name));
        }
        return image;
    }

    Image byArn(String arn) {
        Image shared = sharedWithMe.get(arn);
        return shared != null ? shared : own.all().stream().filter(image -> image.arn.equals(arn)).findFirst()
                .orElseThrow(() -> notFoundArn(arn));
    }

    /** This account's images, then those other accounts share with it. */
    private List<Image> all() {
        List<Image> all = new ArrayList<>(own.all());
        all.addAll(sharedWithMe.values());
        return all;
    }

    private ServiceError notFound(String name) {
        return place.error("ResourceNotFoundException", "The image " + name + " does not exist.");
    }

    private ServiceError notFoundArn(String arn) {
        return place.error("ResourceNotFoundException", "The resource " + arn + " does not exist.");
    }

    /** The account's own images, as a scenario lists them. */
    List<Scenario.AppStreamImage> snapshot() {
        return own.all().stream().map(image -> new Scenario.AppStreamImage(image.name, image.displayName, image.description,
                image.state, image.visibility, image.platform, image.updateAvailable, image.tags, image.buildSpec, 0, List.of(),
                image.created.toString(), image.agentVersion, image.latestAgent, image.baseImageArn, image.sharedWith,
                own.progress(image), image.failedAt == null ? null : image.failedAt.toString())).toList();
    }

    static final class Image extends UpdatableImage {
        final String arn;
        final String baseImageArn;
        final String displayName;
        final String visibility;
        final String platform;
        String agentVersion;
        Boolean latestAgent;
        /** The accounts it is shared with, in the order shared. */
        final Map<String, Scenario.ImagePermissions> sharedWith = new LinkedHashMap<>();

        Image(String name, String arn, String baseImageArn, String displayName, String description, String visibility,
              String platform, Instant created, Scenario.Build buildSpec) {
            super(name, description, created, buildSpec);
            this.arn = arn;
            this.baseImageArn = baseImageArn;
            this.displayName = displayName;
            this.visibility = visibility;
            this.platform = platform;
        }

        /** How the account this image is shared with sees it: SHARED, without tags. */
        Image sharedCopy() {
            return sharedAs(new Image(name, arn, baseImageArn, displayName, description, "SHARED", platform, created, buildSpec));
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("Name", name).put("Arn", arn);
            Json.putIfPresent(json, "BaseImageArn", baseImageArn);
            Json.putIfPresent(json, "DisplayName", displayName);
            Json.putIfPresent(json, "Description", description);
            json.put("State", state).put("Visibility", visibility).put("Platform", platform).set("CreatedTime", Json.epochSeconds(created));
            Json.putIfPresent(json, "AppstreamAgentVersion", agentVersion);
            if (latestAgent != null) {
                json.put("LatestAppstreamAgentVersion", latestAgent ? "TRUE" : "FALSE");
            }
            if ("PRIVATE".equals(visibility)) {
                json.put("ImageSharedWithOthers", sharedWith.isEmpty() ? "FALSE" : "TRUE");
            }
            if (failedAt != null) {
                String reason = buildSpec.reason() != null ? buildSpec.reason() : "The image update failed.";
                json.set("StateChangeReason", Json.object().put("Code", "IMAGE_UPDATE_FAILURE").put("Message", reason));
                ObjectNode error = Json.object()
                        .put("ErrorCode", buildSpec.errorCode() != null ? buildSpec.errorCode() : "INTERNAL_SERVICE_ERROR")
                        .put("ErrorMessage", reason);
                error.set("ErrorTimestamp", Json.epochSeconds(failedAt));
                json.set("ImageErrors", Json.array().add(error));
            }
            return json;
        }
    }
}
