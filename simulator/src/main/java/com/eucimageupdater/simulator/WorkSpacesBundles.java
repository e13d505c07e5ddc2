package com.eucimageupdater.simulator;

import com.eucimageupdater.simulator.WorkSpacesImages.Image;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * WorkSpaces bundles in one place, the image each points at, and the WorkSpaces launched from each; pointing a bundle
 * at another image.
 */
final class WorkSpacesBundles {
    /** The one directory the scenario's WorkSpaces are registered in. */
    private static final String DIRECTORY_ID = "d-9067a1b2c3";

    private final WorkSpacesBackend place;
    private final Map<String, Bundle> bundles = new LinkedHashMap<>();
    /** By id, in the order launched. */
    private final Map<String, SimulatedWorkspace> workspaces = new LinkedHashMap<>();

    WorkSpacesBundles(WorkSpacesBackend place, Scenario.Location location) {
        this.place = place;
        // WorkSpaces ids from their own generator, so adding WorkSpaces to a scenario leaves its new image ids as they were.
        Random workspaceIds = new Random(location.seed() + 1);
        // Scenario times are hours before this moment, so that a scenario reads the same on any day.
        Instant started = place.clock.instant();
        location.workspaces().bundles().forEach(spec -> {
            Bundle bundle = new Bundle(spec.id(), spec.name(), spec.description(),
                    spec.ownedBy(place.accountId) ? place.accountId : spec.owner(), spec.operatingSystemName());
            bundle.imageId = spec.imageId();
            if (spec.lastUpdated() != null) {
                bundle.lastUpdated = ScenarioRules.instant("lastUpdated", spec.lastUpdated());
            }
            bundles.put(bundle.id, bundle);
            for (int i = 1; i <= spec.workspaces(); i++) {
                add(new SimulatedWorkspace(WorkSpacesBackend.newId("ws-", workspaceIds, workspaces::containsKey),
                        "user" + (workspaces.size() + 1), bundle.id, DIRECTORY_ID, spec.operatingSystemName(), null, started));
            }
            spec.scriptedWorkspaces().forEach(named -> add(new SimulatedWorkspace(named.id(),
                    named.userName() != null ? named.userName() : "user" + (workspaces.size() + 1), bundle.id, DIRECTORY_ID,
                    spec.operatingSystemName(), named, started)));
        });
        place.reads("DescribeWorkspaceBundles", this::describeWorkspaceBundles);
        place.changes("UpdateWorkspaceBundle", this::updateWorkspaceBundle);
        // A describe moves a rebuild on, as time passing does in AWS.
        place.reads("DescribeWorkspaces", this::describeWorkspaces);
        place.reads("DescribeWorkspacesConnectionStatus", this::describeConnectionStatus);
        place.reads("DescribeWorkspaceSnapshots", this::describeWorkspaceSnapshots);
        place.changes("RebuildWorkspaces", this::rebuildWorkspaces);
    }

    private void add(SimulatedWorkspace workspace) {
        workspaces.put(workspace.id, workspace);
    }

    /** A WorkSpace here by id, or ResourceNotFoundException as the model lists for DescribeWorkspaceSnapshots and tags. */
    SimulatedWorkspace workspace(String id) {
        SimulatedWorkspace workspace = workspaces.get(id);
        if (workspace == null) {
            throw place.error("ResourceNotFoundException", "The WorkSpace " + id + " does not exist.");
        }
        return workspace;
    }

    private JsonNode describeWorkspaceSnapshots(JsonNode request) {
        return workspace(request.get("WorkspaceId").asText()).snapshotsJson();
    }

    /**
     * One WorkSpace a call (the model's list holds one). A WorkSpace that does not exist or is not in a state that can be
     * rebuilt comes back in FailedRequests, as AWS answers, not as an error.
     */
    private JsonNode rebuildWorkspaces(JsonNode request) {
        String id = request.path("RebuildWorkspaceRequests").path(0).path("WorkspaceId").asText();
        SimulatedWorkspace workspace = workspaces.get(id);
        String refusal = workspace == null ? "The WorkSpace " + id + " does not exist." : workspace.rebuild();
        ObjectNode answer = Json.object();
        if (refusal != null) {
            answer.putArray("FailedRequests").add(Json.object().put("WorkspaceId", id)
                    .put("ErrorCode", workspace == null ? "ResourceNotFound.Workspace" : "InvalidResourceState.Workspace")
                    .put("ErrorMessage", refusal));
        }
        return answer;
    }

    /** By WorkspaceIds (up to 25, as the model says; unknown ids left out), or every WorkSpace, a page at a time. */
    private JsonNode describeConnectionStatus(JsonNode request) {
        List<String> ids = request.has("WorkspaceIds") ? Json.texts(request.get("WorkspaceIds")) : null;
        List<SimulatedWorkspace> selected = ids == null ? List.copyOf(workspaces.values())
                : ids.stream().distinct().map(workspaces::get).filter(Objects::nonNull).toList();
        Instant now = place.clock.instant();
        // The request has no page size: pages are the place's pageSize.
        return place.paged(selected, request, "", "WorkspacesConnectionStatus", workspace -> workspace.connectionStatus(now));
    }

    /** By BundleIds (unknown ids left out) or Owner (AMAZON, or an account), not both; neither: the account's own. */
    private JsonNode describeWorkspaceBundles(JsonNode request) {
        if (request.has("BundleIds") && request.has("Owner")) {
            throw place.error("InvalidParameterValuesException", "BundleIds and Owner cannot be used together.");
        }
        List<Bundle> selected = request.has("BundleIds")
                ? Json.texts(request.get("BundleIds")).stream().map(bundles::get).filter(Objects::nonNull).toList()
                : bundles.values().stream().filter(bundle -> bundle.owner.equals(request.path("Owner").asText(place.accountId))).toList();
        return place.paged(selected, request, "MaxResults", "Bundles", Bundle::toJson);
    }

    /**
     * Points one of the account's bundles at an AVAILABLE image (its own or shared with it). The WorkSpaces
     * launched from the bundle keep their image until rebuilt, so nothing else changes.
     */
    private JsonNode updateWorkspaceBundle(JsonNode request) {
        if (!request.has("BundleId") || !request.has("ImageId")) {
            throw place.error("InvalidParameterValuesException", "BundleId and ImageId are both required.");
        }
        String bundleId = request.get("BundleId").asText();
        Bundle bundle = bundles.get(bundleId);
        if (bundle == null) {
            throw place.error("ResourceNotFoundException", "The bundle " + bundleId + " does not exist.");
        }
        if (!bundle.owner.equals(place.accountId)) {
            throw place.error("AccessDeniedException", "The bundle " + bundleId + " is owned by " + bundle.owner
                    + "; you can update only your own bundles.");
        }
        Image image = place.images.resource(request.get("ImageId").asText());
        if (!"AVAILABLE".equals(image.state)) {
            throw place.error("ResourceUnavailableException", "The image " + image.id + " is " + image.state
                    + "; a bundle can use only an AVAILABLE image.");
        }
        bundle.imageId = image.id;
        bundle.lastUpdated = place.clock.instant();
        return Json.object();
    }

    /** One filter at a time (WorkspaceIds, DirectoryId, UserName, BundleId, WorkspaceName), as the API page says. */
    private JsonNode describeWorkspaces(JsonNode request) {
        List<String> filters = List.of("WorkspaceIds", "DirectoryId", "UserName", "BundleId", "WorkspaceName").stream()
                .filter(request::has).toList();
        if (filters.size() > 1) {
            throw place.error("InvalidParameterValuesException", "Only one filter can be used at a time: " + String.join(", ", filters));
        }
        List<SimulatedWorkspace> selected = workspaces.values().stream().filter(workspace -> filters.isEmpty() || switch (filters.get(0)) {
            case "WorkspaceIds" -> Json.texts(request.get("WorkspaceIds")).contains(workspace.id);
            case "DirectoryId" -> request.get("DirectoryId").asText().equals(DIRECTORY_ID);
            case "UserName" -> request.get("UserName").asText().equals(workspace.userName);
            case "BundleId" -> request.get("BundleId").asText().equals(workspace.bundleId);
            default -> false;
        }).toList();
        Instant now = place.clock.instant();
        return place.paged(selected, request, "Limit", "Workspaces", workspace -> workspace.describe(now));
    }

    /** The bundles that point at the image {@code imageId}: it cannot be deleted meanwhile. */
    List<String> usersOf(String imageId) {
        return bundles.values().stream().filter(bundle -> bundle.imageId.equals(imageId)).map(bundle -> bundle.id).toList();
    }

    /**
     * The bundles, as a scenario lists them, with the plain WorkSpaces launched from each counted and the named ones
     * (groups' members too) as they are now.
     */
    List<BundleSpec> snapshot() {
        Instant now = place.clock.instant();
        return bundles.values().stream().map(bundle -> {
            List<SimulatedWorkspace> launched = workspaces.values().stream().filter(workspace -> workspace.bundleId.equals(bundle.id))
                    .toList();
            List<NamedWorkspace> named = launched.stream().map(workspace -> workspace.snapshot(now)).filter(Objects::nonNull).toList();
            return new BundleSpec(bundle.id, bundle.name, bundle.description, bundle.owner, bundle.imageId,
                    launched.size() - named.size(), bundle.lastUpdated.toString(), bundle.operatingSystemName, named, List.of());
        }).toList();
    }

    private static final class Bundle {
        final String id;
        final String name;
        final String description;
        /** The account id, or AMAZON. */
        final String owner;
        /** What its WorkSpaces report as their operating system; null when the scenario does not say. */
        final String operatingSystemName;
        String imageId;
        Instant lastUpdated = Scenario.IMAGES_CREATED;

        Bundle(String id, String name, String description, String owner, String operatingSystemName) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.owner = owner;
            this.operatingSystemName = operatingSystemName;
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
}
