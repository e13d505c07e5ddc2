package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * WorkSpaces images in one place, by id: the account's own, and other accounts' images their owners share with it;
 * making updated images, describing them (a describe moves the builds it shows on) and deleting them.
 */
final class WorkSpacesImages {
    private final WorkSpacesBackend place;
    /** New image ids from the scenario seed, apart from the fault draws, so both are reproducible. */
    private final Random ids;
    final ImageCatalog<Image> catalog;

    WorkSpacesImages(WorkSpacesBackend place, Scenario.Location location) {
        this.place = place;
        this.ids = new Random(location.newIdSeed());
        Scenario.WorkSpaces scenario = location.workspaces();
        this.catalog = new ImageCatalog<>(place.clock, "ERROR", scenario.maxUpdatesInFlight(), scenario.newImagesHiddenForDescribes());
        catalog.load(scenario.images(), spec -> {
            Image image = new Image(spec.id(), spec.name(), spec.description(), spec.os(), spec.requiredTenancy(),
                    Objects.requireNonNullElse(spec.ownerAccountId(), place.accountId),
                    ScenarioRules.createdTime(spec.id(), spec.created()), spec.build());
            image.updateDescription = spec.updateDescription();
            image.sharedWith.addAll(spec.sharedWithAccounts());
            return image;
        });
        place.reads("DescribeWorkspaceImages", this::describeWorkspaceImages);
        place.changes("CreateUpdatedWorkspaceImage", this::createUpdatedWorkspaceImage);
        place.changes("DeleteWorkspaceImage", this::deleteWorkspaceImage);
    }

    /** Unknown ids are left out of the answer, not an error, as the real service does. */
    private JsonNode describeWorkspaceImages(JsonNode request) {
        List<Image> selected = request.has("ImageIds")
                ? Json.texts(request.get("ImageIds")).stream().map(catalog::get).filter(Objects::nonNull).toList()
                : List.copyOf(catalog.all());
        if (request.has("ImageType")) {
            boolean owned = "OWNED".equals(request.get("ImageType").asText());
            selected = selected.stream().filter(image -> image.ownerAccountId.equals(place.accountId) == owned).toList();
        }
        // An image the describe cannot see yet is left out, like an unknown id.
        selected = selected.stream().filter(image -> !image.lag.hides()).toList();
        return place.paged(selected, request, "MaxResults", "Images", image -> {
            catalog.advance(image);
            return image.toJson();
        });
    }

    private JsonNode createUpdatedWorkspaceImage(JsonNode request) {
        String sourceId = request.get("SourceImageId").asText();
        Image source = catalog.get(sourceId);
        if (source == null) {
            throw place.error("ResourceNotFoundException", "The image " + sourceId + " does not exist.");
        }
        if (!"AVAILABLE".equals(source.state)) {
            throw place.error("InvalidResourceStateException", "The image " + sourceId + " is " + source.state
                    + "; only AVAILABLE images can be updated.");
        }
        if (!source.updateAvailable) {
            throw place.error("OperationNotSupportedException", "The image " + sourceId + " has no updates available.");
        }
        String name = request.get("Name").asText();
        checkNameFree(name);
        catalog.requireRoomForUpdate(updates -> place.error("ResourceLimitExceededException",
                "Your resource limits have been exceeded: " + updates));
        Image image = new Image(newImageId(), name, request.get("Description").asText(), source.os, source.requiredTenancy,
                place.accountId, place.clock.instant(), source.buildSpec);
        addTags(image.tags, request.path("Tags"));
        catalog.addUpdate(image, source);
        return Json.object().put("ImageId", image.id);
    }

    /**
     * Refused while a bundle uses the image, while it is shared (unshare first, as the API page says) and while it is
     * being built. The model lists no not-found error, so an unknown id changes nothing and answers success.
     */
    private JsonNode deleteWorkspaceImage(JsonNode request) {
        Image image = catalog.get(request.get("ImageId").asText());
        if (image == null) {
            return Json.object();
        }
        List<String> users = place.bundles.usersOf(image.id);
        if (!users.isEmpty()) {
            throw place.error("ResourceAssociatedException", "The image " + image.id + " is used by the bundles "
                    + String.join(", ", users) + ".");
        }
        if (!image.ownerAccountId.equals(place.accountId)) {
            throw place.error("AccessDeniedException", "The image " + image.id + " is owned by " + image.ownerAccountId
                    + "; you can delete only images you own.");
        }
        if (!image.sharedWith.isEmpty()) {
            throw place.error("AccessDeniedException", "The image " + image.id + " is shared with "
                    + String.join(", ", image.sharedWith) + "; unshare it before deleting it.");
        }
        if ("PENDING".equals(image.state)) {
            throw place.error("InvalidResourceStateException", "The image " + image.id + " is PENDING; it can be deleted once"
                    + " it is AVAILABLE or in ERROR.");
        }
        catalog.remove(image);
        return Json.object();
    }

    /** An image here by id (the account's own or shared with it). */
    Image resource(String id) {
        Image image = catalog.get(id);
        if (image == null) {
            throw place.error("ResourceNotFoundException", "The resource " + id + " does not exist.");
        }
        return image;
    }

    void checkNameFree(String name) {
        if (catalog.all().stream().anyMatch(image -> image.name.equals(name))) {
            throw place.error("ResourceAlreadyExistsException", "An image named " + name + " already exists.");
        }
    }

    String newImageId() {
        return WorkSpacesBackend.newId("wsi-", ids, catalog::contains);
    }

    static void addTags(Map<String, String> tagged, JsonNode tags) {
        tags.forEach(tag -> tagged.put(tag.get("Key").asText(), tag.path("Value").asText("")));
    }

    /** The account's own images, as a scenario lists them. */
    List<Scenario.WorkSpacesImage> snapshot() {
        return catalog.all().stream().filter(image -> !image.shownByOwner).map(image -> new Scenario.WorkSpacesImage(image.id,
                image.name, image.description, image.state, image.os, image.requiredTenancy, image.ownerAccountId,
                image.updateAvailable, image.updateDescription, image.tags, image.buildSpec, 0, List.copyOf(image.sharedWith),
                image.created.toString(), catalog.progress(image), image.failedAt == null ? null : image.failedAt.toString())).toList();
    }

    static final class Image extends UpdatableImage {
        final String id;
        final String os;
        final String requiredTenancy;
        final String ownerAccountId;
        String updateDescription;
        /** The accounts it is shared with, in the order shared. */
        final Set<String> sharedWith = new LinkedHashSet<>();
        /** Another account's image that its owner shows this one (a share), not one the account lists itself. */
        boolean shownByOwner;

        Image(String id, String name, String description, String os, String requiredTenancy, String ownerAccountId,
              Instant created, Scenario.Build buildSpec) {
            super(name, description, created, buildSpec);
            this.id = id;
            this.os = os;
            this.requiredTenancy = requiredTenancy;
            this.ownerAccountId = ownerAccountId;
        }

        @Override
        String key() {
            return id;
        }

        /** How the account this image is shared with sees it: same id and owner, without tags or updates. */
        Image sharedCopy() {
            Image shared = sharedAs(new Image(id, name, description, os, requiredTenancy, ownerAccountId, created, buildSpec));
            shared.shownByOwner = true;
            return shared;
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("ImageId", id).put("Name", name);
            Json.putIfPresent(json, "Description", description);
            json.set("OperatingSystem", Json.object().put("Type", os));
            json.put("State", state).put("RequiredTenancy", requiredTenancy).put("OwnerAccountId", ownerAccountId);
            json.set("Created", Json.epochSeconds(created));
            ObjectNode updates = Json.object().put("UpdateAvailable", updateAvailable);
            json.set("Updates", updateAvailable ? Json.putIfPresent(updates, "Description", updateDescription) : updates);
            if (failedAt != null) {
                String code = buildSpec.errorCode() != null ? buildSpec.errorCode() : "UnknownError";
                String reason = buildSpec.reason() != null ? buildSpec.reason() : "The image update failed.";
                json.put("ErrorCode", code).put("ErrorMessage", reason);
                json.set("ErrorDetails", Json.array().add(Json.object().put("ErrorCode", code).put("ErrorMessage", reason)));
            }
            return json;
        }
    }
}
