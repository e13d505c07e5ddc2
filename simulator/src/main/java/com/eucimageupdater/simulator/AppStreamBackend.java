package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** AppStream 2.0 (WorkSpaces Applications) images: managed image updates, describe, and tags. */
final class AppStreamBackend implements ServiceBackend {
    private static final List<String> RESERVED_PREFIXES = List.of("amazon", "aws", "appstream");
    private static final int PAGE_SIZE = 25;

    private final ServiceModel model = ServiceModel.of(ServiceModel.APPSTREAM);
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Map<String, Image> images = new LinkedHashMap<>();
    /** Updated images that may be building at once; null for no limit. */
    private final Integer maxUpdatesInFlight;
    private final int newImagesHiddenForDescribes;

    AppStreamBackend(Scenario scenario, Clock clock) {
        this.region = scenario.region();
        this.accountId = scenario.accountId();
        this.clock = clock;
        this.maxUpdatesInFlight = scenario.appstream().maxUpdatesInFlight();
        this.newImagesHiddenForDescribes = Objects.requireNonNullElse(scenario.appstream().newImagesHiddenForDescribes(), 0);
        scenario.appstream().images().forEach(spec -> {
            Image image = new Image(spec.name(), arn(spec.name(), spec.visibility()), null, spec.displayName(),
                    spec.description(), spec.visibility(), spec.platform(), Scenario.IMAGES_CREATED, spec.build(), null);
            image.state = spec.state();
            image.updateAvailable = spec.updateAvailable();
            image.tags.putAll(spec.tags());
            image.lag = new DescribeLag(spec.hiddenForDescribes());
            images.put(image.name, image);
        });
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Set<String> operations() {
        return Set.of("CreateUpdatedImage", "DescribeImages", "ListTagsForResource", "TagResource");
    }

    @Override
    public boolean isMutating(String operation, JsonNode request) {
        return "TagResource".equals(operation)
                || "CreateUpdatedImage".equals(operation) && !request.path("dryRun").asBoolean(false);
    }

    /** Image names may not start with Amazon, AWS or AppStream (in any case), a rule the model's pattern leaves out. */
    @Override
    public void checkRules(String operation, JsonNode request) {
        String newName = request.path("newImageName").asText();
        if ("CreateUpdatedImage".equals(operation)
                && RESERVED_PREFIXES.stream().anyMatch(newName.toLowerCase(Locale.ROOT)::startsWith)) {
            throw ServiceError.of(model, "ValidationException", ModelValidator.summary(List.of("Value '" + newName
                    + "' at 'newImageName' failed to satisfy constraint: Member must not start with 'Amazon', 'AWS' or 'AppStream'")));
        }
    }

    @Override
    public synchronized JsonNode handle(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateUpdatedImage" -> createUpdatedImage(request);
            case "DescribeImages" -> describeImages(request);
            case "ListTagsForResource" -> Json.object().set("Tags", Json.stringMap(byArn(request.get("ResourceArn").asText()).tags));
            case "TagResource" -> tagResource(request);
            default -> throw new IllegalArgumentException("Not an AppStream operation: " + operation);
        };
    }

    private JsonNode createUpdatedImage(JsonNode request) {
        Image source = named(request.get("existingImageName").asText());
        if (request.path("dryRun").asBoolean(false)) {
            return result(source, source.updateAvailable);
        }
        if (!"AVAILABLE".equals(source.state)) {
            throw error("OperationNotPermittedException", "The image " + source.name + " is " + source.state
                    + "; only AVAILABLE images can be updated.");
        }
        if (!"PRIVATE".equals(source.visibility)) {
            throw error("OperationNotPermittedException", "The image " + source.name + " is " + source.visibility
                    + "; you can update only images you own.");
        }
        if (!source.updateAvailable) {
            return Json.object().put("canUpdateImage", false);
        }
        String newName = request.get("newImageName").asText();
        if (images.containsKey(newName)) {
            throw error("ResourceAlreadyExistsException", "The image " + newName + " already exists.");
        }
        long building = images.values().stream().filter(image -> image.build != null).count();
        if (maxUpdatesInFlight != null && building >= maxUpdatesInFlight) {
            // Each update runs on a temporary image builder, so the builder quota caps updates in flight.
            throw error("LimitExceededException", "The image builder quota for your account is reached: " + building
                    + " image updates are in progress (quota " + maxUpdatesInFlight + ").");
        }
        Image image = new Image(newName, arn(newName, "PRIVATE"), source.arn, request.path("newImageDisplayName").textValue(),
                request.path("newImageDescription").textValue(), "PRIVATE", source.platform, clock.instant(), source.buildSpec, source);
        image.state = "PENDING";
        image.build = new ImageBuild(source.buildSpec, clock);
        image.lag = new DescribeLag(newImagesHiddenForDescribes);
        request.path("newImageTags").fields().forEachRemaining(tag -> image.tags.put(tag.getKey(), tag.getValue().asText()));
        images.put(newName, image);
        // The API page: with dryRun false the service "initiates the process ... without displaying whether image
        // updates are available", so the answer carries the new image and no canUpdateImage.
        return Json.object().set("image", image.toJson());
    }

    private JsonNode result(Image image, boolean canUpdateImage) {
        return Json.object().put("canUpdateImage", canUpdateImage).set("image", image.toJson());
    }

    private JsonNode describeImages(JsonNode request) {
        if (request.has("Names") && request.has("Arns")) {
            throw error("InvalidParameterCombinationException", "Names and Arns cannot be used together.");
        }
        List<Image> selected = request.has("Names") ? Json.texts(request.get("Names")).stream().map(this::named).toList()
                : request.has("Arns") ? Json.texts(request.get("Arns")).stream().map(this::byArn).toList()
                : new ArrayList<>(images.values());
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
        Paging.Page<Image> page = Paging.page(shown, request, PAGE_SIZE,
                () -> error("ValidationException", "The NextToken is not valid."));
        ObjectNode result = Json.object();
        page.items().forEach(this::advance);
        result.set("Images", Json.array().addAll(page.items().stream().map(Image::toJson).toList()));
        return Json.putIfPresent(result, "NextToken", page.nextToken());
    }

    private JsonNode tagResource(JsonNode request) {
        Image image = byArn(request.get("ResourceArn").asText());
        request.get("Tags").fields().forEachRemaining(tag -> image.tags.put(tag.getKey(), tag.getValue().asText()));
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
                image.state = "FAILED";
                image.failedAt = clock.instant();
                image.build = null;
            }
            case PENDING -> { }
        }
    }

    private Image named(String name) {
        Image image = images.get(name);
        if (image == null) {
            throw notFound(name);
        }
        return image;
    }

    private Image byArn(String arn) {
        return images.values().stream().filter(image -> image.arn.equals(arn)).findFirst()
                .orElseThrow(() -> notFoundArn(arn));
    }

    private ServiceError notFound(String name) {
        return error("ResourceNotFoundException", "The image " + name + " does not exist.");
    }

    private ServiceError notFoundArn(String arn) {
        return error("ResourceNotFoundException", "The resource " + arn + " does not exist.");
    }

    /** AWS's own (public) images have no account in their ARN. */
    private String arn(String name, String visibility) {
        return "arn:aws:appstream:" + region + ":" + ("PUBLIC".equals(visibility) ? "" : accountId) + ":image/" + name;
    }

    private ServiceError error(String type, String message) {
        return ServiceError.of(model, type, message);
    }

    private static final class Image {
        final String name;
        final String arn;
        final String baseImageArn;
        final String displayName;
        final String description;
        final String visibility;
        final String platform;
        final Instant created;
        /** How updates made from this image turn out. */
        final Scenario.Build buildSpec;
        /** The image this one is an update of; null for the scenario's images. */
        final Image source;
        final Map<String, String> tags = new TreeMap<>();
        String state;
        boolean updateAvailable;
        ImageBuild build;
        Instant failedAt;
        DescribeLag lag;

        Image(String name, String arn, String baseImageArn, String displayName, String description, String visibility,
              String platform, Instant created, Scenario.Build buildSpec, Image source) {
            this.name = name;
            this.arn = arn;
            this.baseImageArn = baseImageArn;
            this.displayName = displayName;
            this.description = description;
            this.visibility = visibility;
            this.platform = platform;
            this.created = created;
            this.buildSpec = buildSpec;
            this.source = source;
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("Name", name).put("Arn", arn);
            Json.putIfPresent(json, "BaseImageArn", baseImageArn);
            Json.putIfPresent(json, "DisplayName", displayName);
            Json.putIfPresent(json, "Description", description);
            json.put("State", state).put("Visibility", visibility).put("Platform", platform).set("CreatedTime", Json.epochSeconds(created));
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
