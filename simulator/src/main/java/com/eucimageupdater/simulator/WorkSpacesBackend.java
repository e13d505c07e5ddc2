package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * WorkSpaces: images (describe with the update check, updated images, tags, sharing, copy, delete), bundles and
 * the image each points at, and the WorkSpaces launched from each bundle.
 */
final class WorkSpacesBackend implements ServiceBackend {
    private static final String ID_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Set<String> MUTATING = Set.of("CreateUpdatedWorkspaceImage", "CreateTags", "UpdateWorkspaceBundle",
            "UpdateWorkspaceImagePermission", "DeleteWorkspaceImage", "CopyWorkspaceImage");
    /** The one directory the scenario's WorkSpaces are registered in. */
    private static final String DIRECTORY_ID = "d-9067a1b2c3";

    private final ServiceModel model = ServiceModel.of(ServiceModel.WORKSPACES);
    private final String region;
    private final String accountId;
    private final Clock clock;
    /** New image ids from the scenario seed, apart from the fault draws, so both are reproducible. */
    private final Random ids;
    private final Map<String, Image> images = new LinkedHashMap<>();
    /** Updated images that may be building at once; null for no limit. */
    private final Integer maxUpdatesInFlight;
    private final int newImagesHiddenForDescribes;
    private final int pageSize;
    private final Map<String, Bundle> bundles = new LinkedHashMap<>();
    private final List<Workspace> workspaces = new ArrayList<>();
    /** The other places, for copies from another Region and shares with another account. */
    private final Organization organization;

    WorkSpacesBackend(Scenario.Location scenario, Clock clock, Organization organization) {
        this.region = scenario.region();
        this.accountId = scenario.accountId();
        this.clock = clock;
        this.organization = organization;
        this.maxUpdatesInFlight = scenario.workspaces().maxUpdatesInFlight();
        this.newImagesHiddenForDescribes = Objects.requireNonNullElse(scenario.workspaces().newImagesHiddenForDescribes(), 0);
        this.pageSize = Objects.requireNonNullElse(scenario.workspaces().pageSize(), 25);
        this.ids = new Random(scenario.newIdSeed());
        scenario.workspaces().images().forEach(spec -> {
            Image image = new Image(spec.id(), spec.name(), spec.description(), spec.os(), spec.requiredTenancy(),
                    Objects.requireNonNullElse(spec.ownerAccountId(), accountId), ScenarioRules.createdTime(spec.id(), spec.created()),
                    spec.build());
            image.state = spec.state();
            image.updateAvailable = spec.updateAvailable();
            image.updateDescription = spec.updateDescription();
            image.tags.putAll(spec.tags());
            image.lag = new DescribeLag(spec.hiddenForDescribes());
            image.failedAt = ScenarioRules.failedTime(spec.id(), spec.failedAt());
            image.sharedWith.addAll(spec.sharedWithAccounts());
            images.put(image.id, image);
        });
        // Updates still building in a saved state go on, each with the image it updates (which may come later in the list).
        scenario.workspaces().images().stream().filter(spec -> spec.building() != null).forEach(spec -> {
            Image image = images.get(spec.id());
            Scenario.Building building = spec.building();
            image.source = building.updateOf() == null ? null : images.get(building.updateOf());
            image.build = ImageBuild.resumed(image.buildSpec, clock, building);
        });
        // WorkSpaces ids from their own generator, so adding WorkSpaces to a scenario leaves its new image ids as they were.
        Random workspaceIds = new Random(scenario.seed() + 1);
        scenario.workspaces().bundles().forEach(spec -> {
            Bundle bundle = new Bundle(spec.id(), spec.name(), spec.description(),
                    spec.ownedBy(accountId) ? accountId : spec.owner());
            bundle.imageId = spec.imageId();
            if (spec.lastUpdated() != null) {
                bundle.lastUpdated = ScenarioRules.instant("lastUpdated", spec.lastUpdated());
            }
            bundles.put(bundle.id, bundle);
            for (int i = 1; i <= spec.workspaces(); i++) {
                workspaces.add(new Workspace(newId("ws-", workspaceIds, id -> workspaces.stream().anyMatch(w -> w.id.equals(id))),
                        "user" + (workspaces.size() + 1), bundle.id));
            }
        });
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    /**
     * What the account holds here now, as a scenario lists it: its images (not those its owners show it: they share them
     * again when the state loads), bundles with their WorkSpaces counted, and the service's settings. Describe lags are
     * left out: they have settled.
     */
    synchronized Scenario.WorkSpaces snapshot() {
        List<Scenario.WorkSpacesImage> own = images.values().stream().filter(image -> !image.shownByOwner)
                .map(image -> image.snapshot(images)).toList();
        List<Scenario.Bundle> listed = bundles.values().stream().map(bundle -> new Scenario.Bundle(bundle.id, bundle.name,
                bundle.description, bundle.owner, bundle.imageId,
                (int) workspaces.stream().filter(workspace -> workspace.bundleId.equals(bundle.id)).count(), bundle.lastUpdated.toString()))
                .toList();
        return new Scenario.WorkSpaces(own, maxUpdatesInFlight, newImagesHiddenForDescribes, pageSize, listed);
    }

    @Override
    public Set<String> operations() {
        return Set.of("DescribeWorkspaceImages", "CreateUpdatedWorkspaceImage", "DescribeTags", "CreateTags",
                "DescribeWorkspaceBundles", "UpdateWorkspaceBundle", "DescribeWorkspaces", "DescribeWorkspaceImagePermissions",
                "UpdateWorkspaceImagePermission", "DeleteWorkspaceImage", "CopyWorkspaceImage");
    }

    @Override
    public boolean isMutating(String operation, JsonNode request) {
        return MUTATING.contains(operation);
    }

    @Override
    public void checkRules(String operation, JsonNode request) {
        // The model's constraints are all WorkSpaces checks on these operations.
    }

    /** Copies and shares reach another place: they hold this backend's lock and the other's one after the other, never both. */
    @Override
    public JsonNode handle(String operation, JsonNode request, Caller caller) {
        return switch (operation) {
            case "UpdateWorkspaceImagePermission" -> updateWorkspaceImagePermission(request);
            case "CopyWorkspaceImage" -> copyWorkspaceImage(request);
            default -> {
                synchronized (this) {
                    yield handleHere(operation, request);
                }
            }
        };
    }

    private JsonNode handleHere(String operation, JsonNode request) {
        return switch (operation) {
            case "DescribeWorkspaceImages" -> describeWorkspaceImages(request);
            case "CreateUpdatedWorkspaceImage" -> createUpdatedWorkspaceImage(request);
            case "DescribeTags" -> Json.object().set("TagList", tagList(resource(request.get("ResourceId").asText()).tags));
            case "CreateTags" -> createTags(request);
            case "DescribeWorkspaceBundles" -> describeWorkspaceBundles(request);
            case "UpdateWorkspaceBundle" -> updateWorkspaceBundle(request);
            case "DescribeWorkspaces" -> describeWorkspaces(request);
            case "DescribeWorkspaceImagePermissions" -> describeWorkspaceImagePermissions(request);
            case "DeleteWorkspaceImage" -> deleteWorkspaceImage(request);
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
        return paged(selected, request, "MaxResults", "Images", image -> {
            advance(image);
            return image.toJson();
        });
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
        checkNameFree(name);
        long building = images.values().stream().filter(image -> image.build != null).count();
        if (maxUpdatesInFlight != null && building >= maxUpdatesInFlight) {
            throw error("ResourceLimitExceededException", "Your resource limits have been exceeded: " + building
                    + " image updates are in progress (quota " + maxUpdatesInFlight + ").");
        }
        Image image = new Image(newImageId(), name, request.get("Description").asText(), source.os, source.requiredTenancy,
                accountId, clock.instant(), source.buildSpec);
        image.source = source;
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

    /** By BundleIds (unknown ids left out) or Owner (AMAZON, or an account), not both; neither: the account's own. */
    private JsonNode describeWorkspaceBundles(JsonNode request) {
        if (request.has("BundleIds") && request.has("Owner")) {
            throw error("InvalidParameterValuesException", "BundleIds and Owner cannot be used together.");
        }
        List<Bundle> selected = request.has("BundleIds")
                ? Json.texts(request.get("BundleIds")).stream().map(bundles::get).filter(Objects::nonNull).toList()
                : bundles.values().stream().filter(bundle -> bundle.owner.equals(request.path("Owner").asText(accountId))).toList();
        return paged(selected, request, "MaxResults", "Bundles", Bundle::toJson);
    }

    /**
     * Points one of the account's bundles at an AVAILABLE image (its own or shared with it). The WorkSpaces
     * launched from the bundle keep their image until rebuilt, so nothing else changes.
     */
    private JsonNode updateWorkspaceBundle(JsonNode request) {
        if (!request.has("BundleId") || !request.has("ImageId")) {
            throw error("InvalidParameterValuesException", "BundleId and ImageId are both required.");
        }
        String bundleId = request.get("BundleId").asText();
        Bundle bundle = bundles.get(bundleId);
        if (bundle == null) {
            throw error("ResourceNotFoundException", "The bundle " + bundleId + " does not exist.");
        }
        if (!bundle.owner.equals(accountId)) {
            throw error("AccessDeniedException", "The bundle " + bundleId + " is owned by " + bundle.owner
                    + "; you can update only your own bundles.");
        }
        Image image = resource(request.get("ImageId").asText());
        if (!"AVAILABLE".equals(image.state)) {
            throw error("ResourceUnavailableException", "The image " + image.id + " is " + image.state
                    + "; a bundle can use only an AVAILABLE image.");
        }
        bundle.imageId = image.id;
        bundle.lastUpdated = clock.instant();
        return Json.object();
    }

    /** One filter at a time (WorkspaceIds, DirectoryId, UserName, BundleId, WorkspaceName), as the API page says. */
    private JsonNode describeWorkspaces(JsonNode request) {
        List<String> filters = List.of("WorkspaceIds", "DirectoryId", "UserName", "BundleId", "WorkspaceName").stream()
                .filter(request::has).toList();
        if (filters.size() > 1) {
            throw error("InvalidParameterValuesException", "Only one filter can be used at a time: " + String.join(", ", filters));
        }
        List<Workspace> selected = workspaces.stream().filter(workspace -> filters.isEmpty() || switch (filters.get(0)) {
            case "WorkspaceIds" -> Json.texts(request.get("WorkspaceIds")).contains(workspace.id);
            case "DirectoryId" -> request.get("DirectoryId").asText().equals(DIRECTORY_ID);
            case "UserName" -> request.get("UserName").asText().equals(workspace.userName);
            case "BundleId" -> request.get("BundleId").asText().equals(workspace.bundleId);
            default -> false;
        }).toList();
        return paged(selected, request, "Limit", "Workspaces", Workspace::toJson);
    }

    private JsonNode describeWorkspaceImagePermissions(JsonNode request) {
        Image image = owned(request.get("ImageId").asText(), "see whom it is shared with");
        List<ObjectNode> permissions = image.sharedWith.stream().map(account -> Json.object().put("SharedAccountId", account)).toList();
        return paged(permissions, request, "MaxResults", "ImagePermissions", entry -> entry).put("ImageId", image.id);
    }

    /**
     * AllowCopyImage true shares the image with the account, false unshares it; a shared image shows in that account,
     * in this Region, with this account as its OwnerAccountId.
     */
    private JsonNode updateWorkspaceImagePermission(JsonNode request) {
        String account = request.get("SharedAccountId").asText();
        boolean share = request.get("AllowCopyImage").asBoolean();
        Image shared;
        synchronized (this) {
            Image image = owned(request.get("ImageId").asText(), "share it");
            if (account.equals(accountId)) {
                throw error("InvalidParameterValuesException", "An image cannot be shared with the account that owns it.");
            }
            if (!"AVAILABLE".equals(image.state)) {
                throw error("ResourceUnavailableException", "The image " + image.id + " is " + image.state
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

    /** The scenario's shares, made visible in the accounts they name once every place exists. */
    void shareScenarioImages() {
        List<Map.Entry<String, Image>> shares = new ArrayList<>();
        synchronized (this) {
            images.values().stream().filter(image -> image.ownerAccountId.equals(accountId))
                    .forEach(image -> image.sharedWith.forEach(account -> shares.add(Map.entry(account, image.sharedCopy()))));
        }
        shares.stream().filter(share -> !share.getKey().equals(accountId)).forEach(share -> showTo(share.getKey(), share.getValue(), true));
    }

    /** Shows an image of this account to {@code account} in this Region, or stops showing it. */
    private void showTo(String account, Image shared, boolean visible) {
        WorkSpacesBackend other = organization.place(account, region).workSpaces();
        synchronized (other) {
            Image seen = other.images.get(shared.id);
            if (visible && seen == null) {
                other.images.put(shared.id, shared);
            } else if (!visible && seen != null && seen.ownerAccountId.equals(accountId)) {
                other.images.remove(shared.id);
            }
        }
    }

    /**
     * Refused while a bundle uses the image, while it is shared (unshare first, as the API page says) and while it is
     * being built. The model lists no not-found error, so an unknown id changes nothing and answers success.
     */
    private JsonNode deleteWorkspaceImage(JsonNode request) {
        Image image = images.get(request.get("ImageId").asText());
        if (image == null) {
            return Json.object();
        }
        List<String> users = bundles.values().stream().filter(bundle -> bundle.imageId.equals(image.id)).map(bundle -> bundle.id).toList();
        if (!users.isEmpty()) {
            throw error("ResourceAssociatedException", "The image " + image.id + " is used by the bundles " + String.join(", ", users) + ".");
        }
        if (!image.ownerAccountId.equals(accountId)) {
            throw error("AccessDeniedException", "The image " + image.id + " is owned by " + image.ownerAccountId
                    + "; you can delete only images you own.");
        }
        if (!image.sharedWith.isEmpty()) {
            throw error("AccessDeniedException", "The image " + image.id + " is shared with "
                    + String.join(", ", image.sharedWith) + "; unshare it before deleting it.");
        }
        if ("PENDING".equals(image.state)) {
            throw error("InvalidResourceStateException", "The image " + image.id + " is PENDING; it can be deleted once"
                    + " it is AVAILABLE or in ERROR.");
        }
        images.remove(image.id);
        return Json.object();
    }

    /**
     * Called in the destination Region (this one) with the source's Region: the source must exist there, in this
     * account (its own or shared with it), and be AVAILABLE. The copy is this account's, AVAILABLE at once, with the
     * request's tags.
     */
    private JsonNode copyWorkspaceImage(JsonNode request) {
        WorkSpacesBackend from = organization.place(accountId, request.get("SourceRegion").asText()).workSpaces();
        Image source;
        synchronized (from) {
            source = from.resource(request.get("SourceImageId").asText());
            if (!"AVAILABLE".equals(source.state)) {
                throw error("ResourceUnavailableException", "The image " + source.id + " is " + source.state
                        + "; only AVAILABLE images can be copied.");
            }
        }
        synchronized (this) {
            String name = request.get("Name").asText();
            checkNameFree(name);
            Image copy = new Image(newImageId(), name, request.path("Description").textValue(), source.os,
                    source.requiredTenancy, accountId, clock.instant(), Scenario.Build.DEFAULT);
            copy.state = "AVAILABLE";
            copy.lag = new DescribeLag(newImagesHiddenForDescribes);
            addTags(copy, request.path("Tags"));
            images.put(copy.id, copy);
            return Json.object().put("ImageId", copy.id);
        }
    }

    private void checkNameFree(String name) {
        if (images.values().stream().anyMatch(image -> image.name.equals(name))) {
            throw error("ResourceAlreadyExistsException", "An image named " + name + " already exists.");
        }
    }

    private Image owned(String imageId, String action) {
        Image image = resource(imageId);
        if (!image.ownerAccountId.equals(accountId)) {
            throw error("AccessDeniedException", "The image " + imageId + " is owned by " + image.ownerAccountId
                    + "; only its owner can " + action + ".");
        }
        return image;
    }

    private <T> ObjectNode paged(List<T> items, JsonNode request, String sizeMember, String member, Function<T, ObjectNode> toJson) {
        return Paging.answer(items, request, sizeMember, pageSize, member, toJson,
                () -> error("InvalidParameterValuesException", "The NextToken is not valid."));
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
                image.state = "ERROR";
                image.failedAt = clock.instant();
                image.build = null;
            }
            case PENDING -> { }
        }
    }

    private String newImageId() {
        return newId("wsi-", ids, images::containsKey);
    }

    /** {@code prefix} and 9 lowercase alphanumerics from {@code random}, not yet {@code taken}. */
    private static String newId(String prefix, Random random, Predicate<String> taken) {
        String id;
        do {
            StringBuilder suffix = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                suffix.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
            }
            id = prefix + suffix;
        } while (taken.test(id));
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
        /** The image this one is an update of, while it builds: its update is cleared once this one is AVAILABLE. */
        Image source;
        final Map<String, String> tags = new TreeMap<>();
        String state;
        boolean updateAvailable;
        String updateDescription;
        ImageBuild build;
        /** When its update failed; its describe then carries the error. */
        Instant failedAt;
        DescribeLag lag;
        /** The accounts it is shared with, in the order shared. */
        final Set<String> sharedWith = new LinkedHashSet<>();
        /** Another account's image that its owner shows this one (a share), not one the account lists itself. */
        boolean shownByOwner;

        /** How the account this image is shared with sees it: same id and owner, without tags or updates. */
        Image sharedCopy() {
            Image shared = new Image(id, name, description, os, requiredTenancy, ownerAccountId, created, buildSpec);
            shared.state = state;
            shared.lag = new DescribeLag(0);
            shared.shownByOwner = true;
            return shared;
        }

        /** As a scenario lists it; {@code images} the account's images here, of which a build's source may no longer be one. */
        Scenario.WorkSpacesImage snapshot(Map<String, Image> images) {
            Scenario.Building building = build == null ? null
                    : build.progress(source != null && images.get(source.id) == source ? source.id : null);
            return new Scenario.WorkSpacesImage(id, name, description, state, os, requiredTenancy, ownerAccountId, updateAvailable,
                    updateDescription, tags, buildSpec, 0, List.copyOf(sharedWith), created.toString(), building,
                    failedAt == null ? null : failedAt.toString());
        }

        Image(String id, String name, String description, String os, String requiredTenancy, String ownerAccountId,
              Instant created, Scenario.Build buildSpec) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.os = os;
            this.requiredTenancy = requiredTenancy;
            this.ownerAccountId = ownerAccountId;
            this.created = created;
            this.buildSpec = buildSpec;
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

    private static final class Bundle {
        final String id;
        final String name;
        final String description;
        /** The account id, or AMAZON. */
        final String owner;
        String imageId;
        Instant lastUpdated = Scenario.IMAGES_CREATED;

        Bundle(String id, String name, String description, String owner) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.owner = owner;
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("BundleId", id).put("Name", name).put("Owner", owner);
            Json.putIfPresent(json, "Description", description);
            json.put("ImageId", imageId);
            json.set("RootStorage", Json.object().put("Capacity", "80"));
            json.set("UserStorage", Json.object().put("Capacity", "50"));
            json.set("ComputeType", Json.object().put("Name", "STANDARD"));
            json.set("LastUpdatedTime", Json.epochSeconds(lastUpdated));
            json.set("CreationTime", Json.epochSeconds(Scenario.IMAGES_CREATED));
            return json.put("State", "AVAILABLE").put("BundleType", "REGULAR");
        }
    }

    private record Workspace(String id, String userName, String bundleId) {
        ObjectNode toJson() {
            return Json.object().put("WorkspaceId", id).put("DirectoryId", DIRECTORY_ID).put("UserName", userName)
                    .put("State", "AVAILABLE").put("BundleId", bundleId)
                    .put("ComputerName", "WSAMZN-" + id.substring(3, 10).toUpperCase(Locale.ROOT));
        }
    }
}
