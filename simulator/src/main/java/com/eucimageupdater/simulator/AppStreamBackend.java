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
import java.util.function.Function;

/**
 * AppStream 2.0 (WorkSpaces Applications): images (managed updates, describe, tags, sharing, copy, delete),
 * fleets and the image each runs, and image builders.
 */
final class AppStreamBackend implements ServiceBackend {
    private static final List<String> RESERVED_PREFIXES = List.of("amazon", "aws", "appstream");
    private static final Set<String> MUTATING = Set.of("TagResource", "UpdateFleet", "UpdateImagePermissions",
            "DeleteImagePermissions", "DeleteImage", "CopyImage");

    private final ServiceModel model = ServiceModel.of(ServiceModel.APPSTREAM);
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Map<String, Image> images = new LinkedHashMap<>();
    /** Updated images that may be building at once; null for no limit. */
    private final Integer maxUpdatesInFlight;
    private final int newImagesHiddenForDescribes;
    private final int pageSize;
    private final Map<String, Fleet> fleets = new LinkedHashMap<>();
    private final List<ImageBuilder> imageBuilders = new ArrayList<>();
    /** Other accounts' images shared with this one in this Region, by ARN (their names may be this account's too). */
    private final Map<String, Image> sharedWithMe = new LinkedHashMap<>();
    /** The other places, for copies to another Region and shares with another account. */
    private final Organization organization;

    AppStreamBackend(Scenario.Location scenario, Clock clock, Organization organization) {
        this.region = scenario.region();
        this.accountId = scenario.accountId();
        this.clock = clock;
        this.organization = organization;
        this.maxUpdatesInFlight = scenario.appstream().maxUpdatesInFlight();
        this.newImagesHiddenForDescribes = Objects.requireNonNullElse(scenario.appstream().newImagesHiddenForDescribes(), 0);
        this.pageSize = Objects.requireNonNullElse(scenario.appstream().pageSize(), 25);
        scenario.appstream().images().forEach(spec -> {
            Image image = new Image(spec.name(), arn("image", spec.name(), spec.visibility()), spec.baseImageArn(), spec.displayName(),
                    spec.description(), spec.visibility(), spec.platform(), ScenarioRules.createdTime(spec.name(), spec.created()),
                    spec.build());
            image.state = spec.state();
            image.updateAvailable = spec.updateAvailable();
            image.agentVersion = spec.agentVersion();
            image.latestAgent = spec.latestAgent();
            image.tags.putAll(spec.tags());
            image.lag = new DescribeLag(spec.hiddenForDescribes());
            image.failedAt = ScenarioRules.failedTime(spec.name(), spec.failedAt());
            // Shared from the scenario: with both permissions, as the console shares, unless it says which.
            spec.sharedWithAccounts().forEach(account -> image.sharedWith.put(account, new Scenario.ImagePermissions(true, true)));
            image.sharedWith.putAll(spec.imagePermissions());
            images.put(image.name, image);
        });
        // Updates still building in a saved state go on, each with the image it updates (which may come later in the list).
        scenario.appstream().images().stream().filter(spec -> spec.building() != null).forEach(spec -> {
            Image image = images.get(spec.name());
            Scenario.Building building = spec.building();
            image.source = building.updateOf() == null ? null : images.get(building.updateOf());
            image.build = ImageBuild.resumed(image.buildSpec, clock, building);
        });
        scenario.appstream().fleets().forEach(spec -> {
            Fleet fleet = new Fleet(spec.name(), arn("fleet", spec.name(), "PRIVATE"), spec.type(), spec.instanceType(),
                    spec.desiredInstances());
            fleet.state = spec.state();
            fleet.displayName = spec.displayName();
            fleet.description = spec.description();
            fleet.image = spec.imageName() == null ? null : images.get(spec.imageName());
            fleet.platform = spec.platform() != null ? spec.platform()
                    : fleet.image != null ? fleet.image.platform : "WINDOWS_SERVER_2019";
            fleets.put(fleet.name, fleet);
        });
        scenario.appstream().imageBuilders().forEach(spec -> imageBuilders.add(new ImageBuilder(spec.name(),
                arn("image-builder", spec.name(), "PRIVATE"), images.get(spec.imageName()), spec.state())));
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    /**
     * What the account holds here now, as a scenario lists it: its own images (those others share with it are their
     * owners'), fleets and image builders, and the service's settings. Describe lags are left out: they have settled.
     */
    synchronized Scenario.AppStream snapshot() {
        return new Scenario.AppStream(images.values().stream().map(image -> image.snapshot(images)).toList(), maxUpdatesInFlight,
                newImagesHiddenForDescribes, pageSize, fleets.values().stream().map(Fleet::snapshot).toList(),
                imageBuilders.stream().map(ImageBuilder::snapshot).toList());
    }

    @Override
    public Set<String> operations() {
        return Set.of("CreateUpdatedImage", "DescribeImages", "ListTagsForResource", "TagResource", "DescribeFleets",
                "UpdateFleet", "DescribeImageBuilders", "DescribeImagePermissions", "UpdateImagePermissions",
                "DeleteImagePermissions", "DeleteImage", "CopyImage");
    }

    @Override
    public boolean isMutating(String operation, JsonNode request) {
        return MUTATING.contains(operation)
                || "CreateUpdatedImage".equals(operation) && !request.path("dryRun").asBoolean(false);
    }

    /**
     * New image names may not start with Amazon, AWS or AppStream (in any case), and UpdateFleet needs the fleet's
     * Name: rules the model leaves out (its Name member is optional since the name can no longer be changed).
     */
    @Override
    public void checkRules(String operation, JsonNode request) {
        String member = switch (operation) {
            case "CreateUpdatedImage" -> "newImageName";
            case "CopyImage" -> "DestinationImageName";
            default -> null;
        };
        String newName = member == null ? "" : request.path(member).asText();
        if (RESERVED_PREFIXES.stream().anyMatch(newName.toLowerCase(Locale.ROOT)::startsWith)) {
            throw ServiceError.of(model, "ValidationException", ModelValidator.summary(List.of("Value '" + newName
                    + "' at '" + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must not start with 'Amazon', 'AWS' or 'AppStream'")));
        }
        if ("UpdateFleet".equals(operation) && !request.hasNonNull("Name")) {
            throw ServiceError.of(model, "ValidationException", ModelValidator.summary(List.of(
                    "Value null at 'name' failed to satisfy constraint: Member must not be null")));
        }
    }

    /** Copies and shares reach another place: they hold this backend's lock and the other's one after the other, never both. */
    @Override
    public JsonNode handle(String operation, JsonNode request, Caller caller) {
        return switch (operation) {
            case "CopyImage" -> copyImage(request);
            case "UpdateImagePermissions" -> updateImagePermissions(request);
            case "DeleteImagePermissions" -> deleteImagePermissions(request);
            default -> {
                synchronized (this) {
                    yield handleHere(operation, request);
                }
            }
        };
    }

    private JsonNode handleHere(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateUpdatedImage" -> createUpdatedImage(request);
            case "DescribeImages" -> describeImages(request);
            case "ListTagsForResource" -> Json.object().set("Tags", Json.stringMap(byArn(request.get("ResourceArn").asText()).tags));
            case "TagResource" -> tagResource(request);
            case "DescribeFleets" -> describeFleets(request);
            case "UpdateFleet" -> updateFleet(request);
            case "DescribeImageBuilders" -> describeImageBuilders(request);
            case "DescribeImagePermissions" -> describeImagePermissions(request);
            case "DeleteImage" -> deleteImage(request);
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
        Image image = new Image(newName, arn("image", newName, "PRIVATE"), source.arn, request.path("newImageDisplayName").textValue(),
                request.path("newImageDescription").textValue(), "PRIVATE", source.platform, clock.instant(), source.buildSpec);
        image.source = source;
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
                : allImages();
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
        return paged(shown, request, "Images", image -> {
            advance(image);
            return image.toJson();
        });
    }

    private JsonNode tagResource(JsonNode request) {
        Image image = byArn(request.get("ResourceArn").asText());
        request.get("Tags").fields().forEachRemaining(tag -> image.tags.put(tag.getKey(), tag.getValue().asText()));
        return Json.object();
    }

    private JsonNode describeFleets(JsonNode request) {
        List<Fleet> selected = request.has("Names") ? Json.texts(request.get("Names")).stream().map(this::fleet).toList()
                : List.copyOf(fleets.values());
        return paged(selected, request, "Fleets", Fleet::toJson);
    }

    /**
     * Moves an Always-On or On-Demand fleet to another image. A running fleet keeps its sessions and takes only an
     * image of its own platform (update-fleets-new-image.html); a STARTING or STOPPING fleet cannot be updated.
     * Of the other attributes only DisplayName and Description are kept; the rest are accepted and ignored.
     */
    private JsonNode updateFleet(JsonNode request) {
        if (request.has("ImageName") && request.has("ImageArn")) {
            throw error("InvalidParameterCombinationException", "ImageName and ImageArn cannot be used together.");
        }
        Fleet fleet = fleet(request.get("Name").asText());
        if (fleet.state.equals("STARTING") || fleet.state.equals("STOPPING")) {
            throw error("ConcurrentModificationException", "The fleet " + fleet.name + " is " + fleet.state
                    + "; it can be updated when it is RUNNING or STOPPED.");
        }
        if (request.has("ImageName") || request.has("ImageArn")) {
            if ("ELASTIC".equals(fleet.type)) {
                throw error("InvalidParameterCombinationException", "The fleet " + fleet.name
                        + " is an Elastic fleet, which runs app blocks and takes no image.");
            }
            Image image = request.has("ImageName") ? named(request.get("ImageName").asText())
                    : byArn(request.get("ImageArn").asText());
            if (!"AVAILABLE".equals(image.state)) {
                throw error("ResourceNotAvailableException", "The image " + image.name + " is " + image.state
                        + "; a fleet can use only an AVAILABLE image.");
            }
            if (!image.platform.equals(fleet.platform) && !"STOPPED".equals(fleet.state)) {
                throw error("IncompatibleImageException", "The image " + image.name + " is " + image.platform
                        + " and the fleet " + fleet.name + " is " + fleet.platform
                        + "; stop the fleet to change its platform.");
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
                        .orElseThrow(() -> error("ResourceNotFoundException", "The image builder " + name + " does not exist.")))
                        .toList()
                : imageBuilders;
        return paged(selected, request, "ImageBuilders", ImageBuilder::toJson);
    }

    private JsonNode describeImagePermissions(JsonNode request) {
        Image image = named(request.get("Name").asText());
        List<String> accounts = request.has("SharedAwsAccountIds") ? Json.texts(request.get("SharedAwsAccountIds")) : null;
        List<ObjectNode> permissions = image.sharedWith.entrySet().stream()
                .filter(share -> accounts == null || accounts.contains(share.getKey()))
                .map(share -> {
                    ObjectNode entry = Json.object().put("sharedAccountId", share.getKey());
                    entry.set("imagePermissions", Json.object().put("allowFleet", share.getValue().allowFleet())
                            .put("allowImageBuilder", share.getValue().allowImageBuilder()));
                    return entry;
                }).toList();
        ObjectNode result = paged(permissions, request, "SharedImagePermissionsList", entry -> entry);
        return result.put("Name", image.name);
    }

    /**
     * Shares an image the account owns with one account, or changes what that account may do with it; the image then
     * shows in that account, in this Region, as SHARED.
     */
    private JsonNode updateImagePermissions(JsonNode request) {
        String account = request.get("SharedAccountId").asText();
        Image shared;
        synchronized (this) {
            Image image = ownedAvailable(request.get("Name").asText(), "shared");
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
        synchronized (this) {
            Image image = named(request.get("Name").asText());
            if (image.sharedWith.remove(account) == null) {
                throw error("ResourceNotFoundException", "The image " + image.name + " is not shared with " + account + ".");
            }
            arn = image.arn;
        }
        if (!account.equals(accountId)) {
            AppStreamBackend other = organization.place(account, region).appStream();
            synchronized (other) {
                other.sharedWithMe.remove(arn);
            }
        }
        return Json.object();
    }

    /** The scenario's shares, made visible in the accounts they name once every place exists. */
    void shareScenarioImages() {
        List<Map.Entry<String, Image>> shares = new ArrayList<>();
        synchronized (this) {
            images.values().stream().filter(image -> "PRIVATE".equals(image.visibility))
                    .forEach(image -> image.sharedWith.keySet().forEach(account -> shares.add(Map.entry(account, image.sharedCopy()))));
        }
        shares.forEach(share -> shareWith(share.getKey(), share.getValue()));
    }

    private void shareWith(String account, Image shared) {
        if (account.equals(accountId)) {
            return;
        }
        AppStreamBackend other = organization.place(account, region).appStream();
        synchronized (other) {
            other.sharedWithMe.put(shared.arn, shared);
        }
    }

    @Override
    public synchronized boolean sharedWithThisAccount(String arn) {
        return sharedWithMe.containsKey(arn);
    }

    /** Refused while a fleet or image builder uses the image or it is shared (unshare first), as the API page says. */
    private JsonNode deleteImage(JsonNode request) {
        Image image = named(request.get("Name").asText());
        List<String> users = new ArrayList<>();
        fleets.values().stream().filter(fleet -> fleet.image == image).forEach(fleet -> users.add("fleet " + fleet.name));
        imageBuilders.stream().filter(builder -> builder.image == image).forEach(builder -> users.add("image builder " + builder.name));
        if (!users.isEmpty()) {
            throw error("ResourceInUseException", "The image " + image.name + " is in use by " + String.join(", ", users) + ".");
        }
        if (!"PRIVATE".equals(image.visibility)) {
            throw error("OperationNotPermittedException", "The image " + image.name + " is " + image.visibility
                    + "; you can delete only images you own.");
        }
        if (!image.sharedWith.isEmpty()) {
            throw error("OperationNotPermittedException", "The image " + image.name + " is shared with "
                    + String.join(", ", image.sharedWith.keySet()) + "; unshare it before deleting it.");
        }
        if (image.build != null) {
            throw error("ConcurrentModificationException", "The image " + image.name + " is still being built.");
        }
        images.remove(image.name);
        image.state = "DELETING";
        return Json.object().set("Image", image.toJson());
    }

    /**
     * Copies an image the account owns to a Region of the same account (this one or another): the copy is AVAILABLE
     * there at once and has no tags (the API page).
     */
    private JsonNode copyImage(JsonNode request) {
        Image source;
        synchronized (this) {
            source = ownedAvailable(request.get("SourceImageName").asText(), "copied");
        }
        String name = request.get("DestinationImageName").asText();
        String destination = request.get("DestinationRegion").asText();
        AppStreamBackend target = destination.equals(region) ? this : organization.place(accountId, destination).appStream();
        synchronized (target) {
            if (target.images.containsKey(name)) {
                throw error("ResourceAlreadyExistsException", "The image " + name + " already exists in " + destination + ".");
            }
            Image copy = new Image(name, target.arn("image", name, "PRIVATE"), source.baseImageArn, source.displayName,
                    request.path("DestinationImageDescription").textValue(), "PRIVATE", source.platform, clock.instant(),
                    source.buildSpec);
            copy.state = "AVAILABLE";
            copy.lag = new DescribeLag(target.newImagesHiddenForDescribes);
            target.images.put(name, copy);
        }
        return Json.object().put("DestinationImageName", name);
    }

    private Image ownedAvailable(String name, String action) {
        Image image = named(name);
        if (!"PRIVATE".equals(image.visibility)) {
            throw error("ResourceNotAvailableException", "The image " + name + " is " + image.visibility
                    + "; only images you own can be " + action + ".");
        }
        if (!"AVAILABLE".equals(image.state)) {
            throw error("ResourceNotAvailableException", "The image " + name + " is " + image.state
                    + "; only AVAILABLE images can be " + action + ".");
        }
        return image;
    }

    private <T> ObjectNode paged(List<T> items, JsonNode request, String member, Function<T, ObjectNode> toJson) {
        return Paging.answer(items, request, "MaxResults", pageSize, member, toJson,
                () -> error("ValidationException", "The NextToken is not valid."));
    }

    private Fleet fleet(String name) {
        Fleet fleet = fleets.get(name);
        if (fleet == null) {
            throw error("ResourceNotFoundException", "The fleet " + name + " does not exist.");
        }
        return fleet;
    }

    /** A describe that shows an image being built is one poll of its build. */
    private void advance(Image image) {
        if (image.build == null) {
            return;
        }
        switch (image.build.poll()) {
            case AVAILABLE -> {
                image.state = "AVAILABLE";
                if (image.source != null) {
                    image.source.updateAvailable = false;
                }
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

    /** This account's images, then those other accounts share with it. */
    private List<Image> allImages() {
        List<Image> all = new ArrayList<>(images.values());
        all.addAll(sharedWithMe.values());
        return all;
    }

    /** An image of this account by name, else one shared with it. */
    private Image named(String name) {
        Image image = images.get(name);
        if (image == null) {
            image = sharedWithMe.values().stream().filter(shared -> shared.name.equals(name)).findFirst()
                    .orElseThrow(() -> notFound(name));
        }
        return image;
    }

    private Image byArn(String arn) {
        Image shared = sharedWithMe.get(arn);
        return shared != null ? shared : images.values().stream().filter(image -> image.arn.equals(arn)).findFirst()
                .orElseThrow(() -> notFoundArn(arn));
    }

    private ServiceError notFound(String name) {
        return error("ResourceNotFoundException", "The image " + name + " does not exist.");
    }

    private ServiceError notFoundArn(String arn) {
        return error("ResourceNotFoundException", "The resource " + arn + " does not exist.");
    }

    /** AWS's own (public) images have no account in their ARN. */
    private String arn(String type, String name, String visibility) {
        return "arn:aws:appstream:" + region + ":" + ("PUBLIC".equals(visibility) ? "" : accountId) + ":" + type + "/" + name;
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
        /** The image this one is an update of, while it builds: its update is cleared once this one is AVAILABLE. */
        Image source;
        final Map<String, String> tags = new TreeMap<>();
        String state;
        boolean updateAvailable;
        String agentVersion;
        Boolean latestAgent;
        ImageBuild build;
        Instant failedAt;
        DescribeLag lag;
        /** The accounts it is shared with, in the order shared. */
        final Map<String, Scenario.ImagePermissions> sharedWith = new LinkedHashMap<>();

        /** How the account this image is shared with sees it: SHARED, AVAILABLE, without tags. */
        Image sharedCopy() {
            Image shared = new Image(name, arn, baseImageArn, displayName, description, "SHARED", platform, created, buildSpec);
            shared.state = state;
            shared.lag = new DescribeLag(0);
            return shared;
        }

        /** As a scenario lists it; {@code images} the account's images here, of which a build's source may no longer be one. */
        Scenario.AppStreamImage snapshot(Map<String, Image> images) {
            Scenario.Building building = build == null ? null
                    : build.progress(source != null && images.get(source.name) == source ? source.name : null);
            return new Scenario.AppStreamImage(name, displayName, description, state, visibility, platform, updateAvailable, tags,
                    buildSpec, 0, List.of(), created.toString(), agentVersion, latestAgent, baseImageArn, sharedWith, building,
                    failedAt == null ? null : failedAt.toString());
        }

        Image(String name, String arn, String baseImageArn, String displayName, String description, String visibility,
              String platform, Instant created, Scenario.Build buildSpec) {
            this.name = name;
            this.arn = arn;
            this.baseImageArn = baseImageArn;
            this.displayName = displayName;
            this.description = description;
            this.visibility = visibility;
            this.platform = platform;
            this.created = created;
            this.buildSpec = buildSpec;
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

    private static final class Fleet {
        final String name;
        final String arn;
        final String type;
        final String instanceType;
        final int desiredInstances;
        String state;
        String platform;
        String displayName;
        String description;
        /** Null for an Elastic fleet. */
        Image image;

        Fleet(String name, String arn, String type, String instanceType, int desiredInstances) {
            this.name = name;
            this.arn = arn;
            this.type = type;
            this.instanceType = instanceType;
            this.desiredInstances = desiredInstances;
        }

        Scenario.Fleet snapshot() {
            return new Scenario.Fleet(name, type, state, platform, image == null ? null : image.name, instanceType, desiredInstances,
                    displayName, description);
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("Arn", arn).put("Name", name);
            Json.putIfPresent(json, "DisplayName", displayName);
            Json.putIfPresent(json, "Description", description);
            if (image != null) {
                json.put("ImageName", image.name).put("ImageArn", image.arn);
            }
            json.put("InstanceType", instanceType).put("FleetType", type);
            int running = "RUNNING".equals(state) ? desiredInstances : 0;
            json.set("ComputeCapacityStatus", Json.object().put("Desired", desiredInstances).put("Running", running)
                    .put("InUse", 0).put("Available", running));
            json.put("State", state).put("Platform", platform).set("CreatedTime", Json.epochSeconds(Scenario.IMAGES_CREATED));
            return json;
        }
    }

    private record ImageBuilder(String name, String arn, Image image, String state) {
        Scenario.ImageBuilder snapshot() {
            return new Scenario.ImageBuilder(name, image.name, state);
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("Name", name).put("Arn", arn).put("ImageArn", image.arn)
                    .put("InstanceType", "stream.standard.medium").put("Platform", image.platform).put("State", state);
            json.set("CreatedTime", Json.epochSeconds(Scenario.IMAGES_CREATED));
            return json;
        }
    }
}
