package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * WorkSpaces in one place: its images ({@link WorkSpacesImages}), its bundles and the WorkSpaces launched from each
 * ({@link WorkSpacesBundles}), and what reaches other places: shares with other accounts and copies from other Regions
 * ({@link WorkSpacesDistribution}). Each of them answers its own operations; the tags of images and WorkSpaces are
 * answered here.
 */
final class WorkSpacesBackend extends ImageServiceBackend {
    private static final String ID_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";

    final WorkSpacesImages images;
    final WorkSpacesBundles bundles;
    private final WorkSpacesDistribution distribution;

    WorkSpacesBackend(Scenario.Location location, Clock clock, Organization organization) {
        super(ServiceModel.WORKSPACES, location, location.workspaces().pageSize(), clock, organization);
        this.images = new WorkSpacesImages(this, location);
        this.bundles = new WorkSpacesBundles(this, location);
        this.distribution = new WorkSpacesDistribution(this);
        reads("DescribeTags", this::describeTags);
        changes("CreateTags", this::createTags);
    }

    private JsonNode describeTags(JsonNode request) {
        ArrayNode tags = Json.array();
        tagsOf(request.get("ResourceId").asText()).forEach((key, value) -> tags.add(Json.object().put("Key", key).put("Value", value)));
        return Json.object().set("TagList", tags);
    }

    private JsonNode createTags(JsonNode request) {
        WorkSpacesImages.addTags(tagsOf(request.get("ResourceId").asText()), request.get("Tags"));
        return Json.object();
    }

    /** The tags of a WorkSpace (ws-...) or an image here; ResourceNotFoundException for anything else. */
    private Map<String, String> tagsOf(String resourceId) {
        return resourceId.startsWith("ws-") ? bundles.workspace(resourceId).tags : images.resource(resourceId).tags;
    }

    /**
     * What the account holds here now, as a scenario lists it: its images (not those its owners show it: they share them
     * again when the state loads), bundles with their WorkSpaces counted, and the service's settings. Describe lags are
     * left out: they have settled.
     */
    synchronized Scenario.WorkSpaces snapshot() {
        return new Scenario.WorkSpaces(images.snapshot(), images.catalog.maxUpdatesInFlight(),
                images.catalog.newImagesHiddenForDescribes(), pageSize, bundles.snapshot());
    }

    /** The scenario's shares, made visible in the accounts they name once every place exists. */
    void shareScenarioImages() {
        distribution.shareScenarioImages();
    }

    @Override
    public void checkRules(String operation, JsonNode request) {
        // The model's constraints are all WorkSpaces checks on these operations.
    }

    <T> ObjectNode paged(List<T> items, JsonNode request, String sizeMember, String member, Function<T, ObjectNode> toJson) {
        return Paging.answer(items, request, sizeMember, pageSize, member, toJson,
                () -> error("InvalidParameterValuesException", "The NextToken is not valid."));
    }

    /** {@code prefix} and 9 lowercase alphanumerics from {@code random}, not yet {@code taken}. */
    static String newId(String prefix, Random random, Predicate<String> taken) {
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
}
