package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** WorkSpaces images: describe (with the update check), updated images, and tags. */
final class WorkSpacesBackend implements ServiceBackend {
    private static final String ID_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int PAGE_SIZE = 25;

    private final ServiceModel model = ServiceModel.of(ServiceModel.WORKSPACES);
    private final String accountId;
    private final Clock clock;
    /** New image ids from the scenario seed, apart from the fault draws, so both are reproducible. */
    private final Random ids;
    private final Map<String, Image> images = new LinkedHashMap<>();
    /** Updated images that may be building at once; null for no limit. */
    private final Integer maxUpdatesInFlight;
    private final int newImagesHiddenForDescribes;

    WorkSpacesBackend(Scenario scenario, Clock clock) {
        this.accountId = scenario.accountId();
        this.clock = clock;
        this.maxUpdatesInFlight = scenario.workspaces().maxUpdatesInFlight();
        this.newImagesHiddenForDescribes = Objects.requireNonNullElse(scenario.workspaces().newImagesHiddenForDescribes(), 0);
        this.ids = new Random(scenario.seed());
        scenario.workspaces().images().forEach(spec -> {
            Image image = new Image(spec.id(), spec.name(), spec.description(), spec.os(), spec.requiredTenancy(),
                    Objects.requireNonNullElse(spec.ownerAccountId(), accountId), Scenario.IMAGES_CREATED,
                    spec.build(), null);
            image.state = spec.state();
            image.updateAvailable = spec.updateAvailable();
            image.updateDescription = spec.updateDescription();
            image.tags.putAll(spec.tags());
            image.lag = new DescribeLag(spec.hiddenForDescribes());
            images.put(image.id, image);
        });
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Set<String> operations() {
        return Set.of("DescribeWorkspaceImages", "CreateUpdatedWorkspaceImage", "DescribeTags", "CreateTags");
    }

    @Override
    public boolean isMutating(String operation, JsonNode request) {
        return "CreateUpdatedWorkspaceImage".equals(operation) || "CreateTags".equals(operation);
    }

    @Override
    public void checkRules(String operation, JsonNode request) {
        // The model's constraints are all WorkSpaces checks on these operations.
    }

    @Override
    public synchronized JsonNode handle(String operation, JsonNode request) {
        return switch (operation) {
            case "DescribeWorkspaceImages" -> describeWorkspaceImages(request);
            case "CreateUpdatedWorkspaceImage" -> createUpdatedWorkspaceImage(request);
            case "DescribeTags" -> Json.object().set("TagList", tagList(resource(request.get("ResourceId").asText()).tags));
            case "CreateTags" -> createTags(request);
            default -> throw new IllegalArgumentException("Not a WorkSpaces operation: " + operation);
        };
    }

    /** Unknown ids are left out of the answer, not an error, as the real service does. */
    private JsonNode describeWorkspaceImages(JsonNode request) {
        List<Image> selected = request.has("ImageIds")
                ? Json.texts(request.get("ImageIds")).stream().map(images::get).filter(Objects::nonNull).toList()
                : List.copyOf(images.values());
        if (request.has("ImageType")) {
            boolean owned = "OWNED".equals(request.get("ImageType").asText());
            selected = selected.stream().filter(image -> image.ownerAccountId.equals(accountId) == owned).toList();
        }
        // An image the describe cannot see yet is left out, like an unknown id.
        selected = selected.stream().filter(image -> !image.lag.hides()).toList();
        Paging.Page<Image> page = Paging.page(selected, request, PAGE_SIZE,
                () -> error("InvalidParameterValuesException", "The NextToken is not valid."));
        page.items().forEach(this::advance);
        ObjectNode result = Json.object();
        result.set("Images", Json.array().addAll(page.items().stream().map(Image::toJson).toList()));
        return Json.putIfPresent(result, "NextToken", page.nextToken());
    }

    private JsonNode createUpdatedWorkspaceImage(JsonNode request) {
        String sourceId = request.get("SourceImageId").asText();
        Image source = images.get(sourceId);
        if (source == null) {
            throw error("ResourceNotFoundException", "The image " + sourceId + " does not exist.");
        }
        if (!"AVAILABLE".equals(source.state)) {
            throw error("InvalidResourceStateException", "The image " + sourceId + " is " + source.state
                    + "; only AVAILABLE images can be updated.");
        }
        if (!source.updateAvailable) {
            throw error("OperationNotSupportedException", "The image " + sourceId + " has no updates available.");
        }
        String name = request.get("Name").asText();
        if (images.values().stream().anyMatch(image -> image.name.equals(name))) {
            throw error("ResourceAlreadyExistsException", "An image named " + name + " already exists.");
        }
        long building = images.values().stream().filter(image -> image.build != null).count();
        if (maxUpdatesInFlight != null && building >= maxUpdatesInFlight) {
            throw error("ResourceLimitExceededException", "Your resource limits have been exceeded: " + building
                    + " image updates are in progress (quota " + maxUpdatesInFlight + ").");
        }
        Image image = new Image(newId(), name, request.get("Description").asText(), source.os, source.requiredTenancy,
                accountId, clock.instant(), source.buildSpec, source);
        image.state = "PENDING";
        image.build = new ImageBuild(source.buildSpec, clock);
        image.lag = new DescribeLag(newImagesHiddenForDescribes);
        addTags(image, request.path("Tags"));
        images.put(image.id, image);
        return Json.object().put("ImageId", image.id);
    }

    private JsonNode createTags(JsonNode request) {
        addTags(resource(request.get("ResourceId").asText()), request.get("Tags"));
        return Json.object();
    }

    /** A describe that shows an image being built is one poll of its build. */
    private void advance(Image image) {
        if (image.build == null) {
            return;
        }
        switch (image.build.poll()) {
            case AVAILABLE -> {
                image.state = "AVAILABLE";
                image.source.updateAvailable = false;
                image.build = null;
            }
            case FAILED -> {
                image.state = "ERROR";
                image.failed = true;
                image.build = null;
            }
            case PENDING -> { }
        }
    }

    private String newId() {
        String id;
        do {
            StringBuilder suffix = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                suffix.append(ID_CHARACTERS.charAt(ids.nextInt(ID_CHARACTERS.length())));
            }
            id = "wsi-" + suffix;
        } while (images.containsKey(id));
        return id;
    }

    private Image resource(String id) {
        Image image = images.get(id);
        if (image == null) {
            throw error("ResourceNotFoundException", "The resource " + id + " does not exist.");
        }
        return image;
    }

    private static void addTags(Image image, JsonNode tags) {
        tags.forEach(tag -> image.tags.put(tag.get("Key").asText(), tag.path("Value").asText("")));
    }

    private static ArrayNode tagList(Map<String, String> tags) {
        ArrayNode list = Json.array();
        tags.forEach((key, value) -> list.add(Json.object().put("Key", key).put("Value", value)));
        return list;
    }

    private ServiceError error(String type, String message) {
        return ServiceError.of(model, type, message);
    }

    private static final class Image {
        final String id;
        final String name;
        final String description;
        final String os;
        final String requiredTenancy;
        final String ownerAccountId;
        final Instant created;
        /** How updates made from this image turn out. */
        final Scenario.Build buildSpec;
        /** The image this one is an update of; null for the scenario's images. */
        final Image source;
        final Map<String, String> tags = new TreeMap<>();
        String state;
        boolean updateAvailable;
        String updateDescription;
        ImageBuild build;
        boolean failed;
        DescribeLag lag;

        Image(String id, String name, String description, String os, String requiredTenancy, String ownerAccountId,
              Instant created, Scenario.Build buildSpec, Image source) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.os = os;
            this.requiredTenancy = requiredTenancy;
            this.ownerAccountId = ownerAccountId;
            this.created = created;
            this.buildSpec = buildSpec;
            this.source = source;
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("ImageId", id).put("Name", name);
            Json.putIfPresent(json, "Description", description);
            json.set("OperatingSystem", Json.object().put("Type", os));
            json.put("State", state).put("RequiredTenancy", requiredTenancy).put("OwnerAccountId", ownerAccountId);
            json.set("Created", Json.epochSeconds(created));
            ObjectNode updates = Json.object().put("UpdateAvailable", updateAvailable);
            json.set("Updates", updateAvailable ? Json.putIfPresent(updates, "Description", updateDescription) : updates);
            if (failed) {
                String code = buildSpec.errorCode() != null ? buildSpec.errorCode() : "UnknownError";
                String reason = buildSpec.reason() != null ? buildSpec.reason() : "The image update failed.";
                json.put("ErrorCode", code).put("ErrorMessage", reason);
                json.set("ErrorDetails", Json.array().add(Json.object().put("ErrorCode", code).put("ErrorMessage", reason)));
            }
            return json;
        }
    }
}
