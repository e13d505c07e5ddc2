package com.eucimageupdater.local;

import com.eucimageupdater.model.MemberAccess;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.OrganizationSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An organization on the simulator: a home account and member accounts, each in the same Regions, every (account,
 * Region) a place with a fleet {@value #FLEET} on {@value #FLEET_IMAGE} and its own images, AppStream and WorkSpaces
 * in turn, all with updates that build. Image names and ids name their place, so every call shows where it belongs.
 * Builds the simulator's scenario, cdk.json's {@code targets} and the execution input.
 */
final class OrganizationScenario {
    static final String HOME = "111111111111";
    static final String FLEET = "staging-win2022";
    static final String FLEET_IMAGE = "Base-Win2022";
    static final String EXTERNAL_ID = "euc-image-updater-org";
    static final String TOPIC_ARN = "arn:aws:sns:us-east-1:" + HOME + ":euc-image-updater";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One account in one Region. */
    record Place(String account, String region) {
        /** e.g. "2ew1" for 222222222222 in eu-west-1: a short tag that fits image names and WorkSpaces ids. */
        String tag() {
            String[] parts = region.split("-");
            return account.charAt(0) + "" + parts[0].charAt(0) + parts[1].charAt(0) + parts[2];
        }

        /** The role ARN the functions assume to reach this place's account. */
        String roleArn() {
            return "arn:aws:iam::" + account + ":role/" + MemberAccess.DEFAULT_ROLE_NAME;
        }
    }

    /** An image item of the input, in its place. */
    record Image(String service, String image, Place place) {}

    private final List<String> accounts;
    private final List<String> regions;
    private final Set<String> withoutRole = new HashSet<>();
    private final Map<Place, Double> throttleRates = new HashMap<>();
    private final List<Image> images = new ArrayList<>();
    private boolean fleetItem;

    /** {@code accounts} the home account first; every account in every one of {@code regions}, the first the home Region. */
    OrganizationScenario(List<String> accounts, List<String> regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    List<Place> places() {
        List<Place> places = new ArrayList<>();
        accounts.forEach(account -> regions.forEach(region -> places.add(new Place(account, region))));
        return places;
    }

    /** The member role is not deployed in {@code account}: AssumeRole is refused there. */
    OrganizationScenario withoutRole(String account) {
        withoutRole.add(account);
        return this;
    }

    OrganizationScenario throttled(Place place, double rate) {
        throttleRates.put(place, rate);
        return this;
    }

    /** The input names the fleet too, with no account or Region: it is resolved in every target. */
    OrganizationScenario withFleetItem() {
        fleetItem = true;
        return this;
    }

    /** {@code count} images over all places in turn, AppStream and WorkSpaces alternately. */
    OrganizationScenario images(int count) {
        List<Place> places = places();
        for (int i = 0; i < count; i++) {
            Place place = places.get(i % places.size());
            int n = i / places.size();
            images.add(n % 2 == 0
                    ? new Image("APPSTREAM", "App-%s-%04d".formatted(place.tag(), n), place)
                    : new Image("WORKSPACES", "wsi-%s%05d".formatted(place.tag(), n), place));
        }
        return this;
    }

    List<Image> images() {
        return List.copyOf(images);
    }

    /** The simulator's scenario. */
    String scenario() {
        ObjectNode scenario = JSON.createObjectNode();
        scenario.put("region", regions.get(0)).put("accountId", HOME).put("seed", 11);
        ObjectNode sns = scenario.putObject("sns");
        sns.putArray("topics").add(TOPIC_ARN);
        sns.putArray("subscriptions").addObject().put("topicArn", TOPIC_ARN).put("endpoint", "euc-admins@example.com");
        ArrayNode entries = scenario.putArray("accounts");
        for (String account : accounts) {
            ObjectNode entry = entries.addObject().put("accountId", account);
            if (!account.equals(HOME) && !withoutRole.contains(account)) {
                entry.putArray("roles").addObject().put("name", MemberAccess.DEFAULT_ROLE_NAME).put("externalId", EXTERNAL_ID);
            }
            ObjectNode regionEntries = entry.putObject("regions");
            for (String region : regions) {
                Place place = new Place(account, region);
                // The home Region of the home account is the scenario's top level; its faults would be every place's default.
                fill(place.equals(new Place(HOME, regions.get(0))) ? scenario : regionEntries.putObject(region), place);
            }
        }
        return scenario.toString();
    }

    private void fill(ObjectNode node, Place place) {
        node.putObject("faults").put("throttleRate", throttleRates.getOrDefault(place, 0.0));
        ObjectNode appStream = node.putObject("appstream");
        ArrayNode appStreamImages = appStream.putArray("images");
        ArrayNode workSpacesImages = node.putObject("workspaces").putArray("images");
        withBuild(appStreamImages.addObject().put("name", FLEET_IMAGE));
        appStream.putArray("fleets").addObject().put("name", FLEET).put("imageName", FLEET_IMAGE);
        for (Image image : images) {
            if (!image.place().equals(place)) {
                continue;
            }
            if (image.service().equals("APPSTREAM")) {
                withBuild(appStreamImages.addObject().put("name", image.image()));
            } else {
                withBuild(workSpacesImages.addObject().put("id", image.image()).put("name", "desk-" + image.image().substring(4))
                        .put("description", "Windows 10 desktop"));
            }
        }
    }

    private static void withBuild(ObjectNode image) {
        image.put("updateAvailable", true).putObject("build").put("outcome", "AVAILABLE").put("pollsUntilDone", 2);
    }

    /** cdk.json's {@code targets}: every account in every Region. */
    OrganizationSettings settings(int maxConcurrencyOverall) {
        ArrayNode targets = JSON.createArrayNode();
        accounts.forEach(account -> {
            ArrayNode targetRegions = targets.addObject().put("account", account).putArray("regions");
            regions.forEach(targetRegions::add);
        });
        return new OrganizationSettings(targets.toString(), maxConcurrencyOverall, OrganizationSettings.DEFAULTS.expectedBuildMinutes(),
                regions);
    }

    /** The execution input: the images, each in its place, and the fleet item if asked for. */
    String input() {
        ObjectNode input = JSON.createObjectNode().put("approval", "none");
        ArrayNode items = input.putArray("images");
        if (fleetItem) {
            items.addObject().put("service", "APPSTREAM").put("fleet", FLEET);
        }
        images.forEach(image -> items.addObject().put("service", image.service()).put("image", image.image())
                .put("account", image.place().account()).put("region", image.place().region()));
        return input.toString();
    }

    /**
     * Runs the real definition on {@code account} (this scenario, started), reaching the members through their role.
     *
     * @param maxConcurrency images built at once in each account and Region
     */
    ExecutionResult run(SimulatedAccount account, int maxConcurrency, int maxConcurrencyOverall, long waitMillis, Consumer<ExecutionEvent> listener)
            throws Exception {
        return run(account, input(), LocalApproval.YES, maxConcurrency, maxConcurrencyOverall, waitMillis, listener);
    }

    /** Runs {@code input} with the default concurrency, an approval answered {@code approval}. */
    ExecutionResult run(SimulatedAccount account, String input, LocalApproval approval) throws Exception {
        return run(account, input, approval, 5, 50, 1L, event -> { });
    }

    private ExecutionResult run(SimulatedAccount account, String input, LocalApproval approval, int maxConcurrency,
            int maxConcurrencyOverall, long waitMillis, Consumer<ExecutionEvent> listener) throws Exception {
        LocalWorkflow.Settings settings = new LocalWorkflow.Settings(new DeploymentSettings("[]", 900, 480, maxConcurrency, "UTC", 1,
                RolloutDefaults.DEFAULTS), waitMillis, 1L, approval, settings(maxConcurrencyOverall));
        return LocalWorkflow.run(Definition.DEFAULT_FILE, JSON.readTree(input), settings,
                account.target(TOPIC_ARN, new MemberAccess(HOME, null, EXTERNAL_ID)), listener);
    }
}
