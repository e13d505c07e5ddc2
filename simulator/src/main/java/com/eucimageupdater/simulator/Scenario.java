package com.eucimageupdater.simulator;

import static com.eucimageupdater.simulator.ScenarioRules.accountIds;
import static com.eucimageupdater.simulator.ScenarioRules.checkLimits;
import static com.eucimageupdater.simulator.ScenarioRules.createdTime;
import static com.eucimageupdater.simulator.ScenarioRules.failedTime;
import static com.eucimageupdater.simulator.ScenarioRules.instant;
import static com.eucimageupdater.simulator.ScenarioRules.notNegative;
import static com.eucimageupdater.simulator.ScenarioRules.oneOf;
import static com.eucimageupdater.simulator.ScenarioRules.sorted;
import static com.eucimageupdater.simulator.ScenarioRules.uniqueBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated organization: the home account (the top level) in its home Region with its images, topics, faults and
 * errors, and optionally more accounts and Regions ({@code accounts}), each with the roles the home account may assume
 * and its own images per Region. Read from JSON ({@link ScenarioFile}; format in the module README); absent fields take
 * the defaults below, and {@link ScenarioRules} checks the rest. A simulator's state is saved in the same format
 * ({@link AwsSimulator#snapshot()}), {@code generation} counting the saves.
 */
public record Scenario(String region, String accountId, long seed, Faults faults, List<ScriptedError> errors,
                       AppStream appstream, WorkSpaces workspaces, Sns sns, LambdaFaults lambda, List<Account> accounts,
                       Sts sts, int generation) {
    /** When the scenario's images were made: a fixed date keeps the answers reproducible. */
    static final Instant IMAGES_CREATED = Instant.parse("2025-01-01T00:00:00Z");

    public Scenario {
        region = ScenarioRules.regionName("region", Objects.requireNonNullElse(region, "us-east-1"));
        accountId = ScenarioRules.accountId("accountId", Objects.requireNonNullElse(accountId, "123456789012"));
        faults = Objects.requireNonNullElse(faults, new Faults(0, 0, null));
        errors = errors == null ? List.of() : List.copyOf(errors);
        appstream = Objects.requireNonNullElse(appstream, new AppStream(null, null, null, null, null, null));
        workspaces = Objects.requireNonNullElse(workspaces, new WorkSpaces(null, null, null, null, null));
        sns = Objects.requireNonNullElse(sns, new Sns(null, null));
        lambda = Objects.requireNonNullElse(lambda, new LambdaFaults(0, null, null));
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        sts = Objects.requireNonNullElse(sts, new Sts(null));
        notNegative("generation", generation);
        ScenarioRules.checkOrganization(accountId, region, workspaces, accounts);
    }

    /** An account of the organization: the roles the home account may assume in it, and its state per Region. */
    public record Account(String accountId, List<Role> roles, Map<String, RegionState> regions) {
        public Account {
            ScenarioRules.accountId("accountId", Objects.requireNonNull(accountId, "an account needs an accountId"));
            roles = uniqueBy(roles, Role::name, "roles: role name");
            regions = sorted(regions);
            regions.keySet().forEach(name -> ScenarioRules.regionName("regions." + name, name));
        }

        Optional<Role> role(String name) {
            return roles.stream().filter(role -> role.name().equals(name)).findFirst();
        }
    }

    /** A role the home account may assume; with {@code externalId}, AssumeRole must give exactly that ExternalId. */
    public record Role(String name, String externalId) {
        public Role {
            ScenarioRules.checkRole(Objects.requireNonNull(name, "a role needs a name"), externalId);
        }
    }

    /** One Region of an account: the same shapes as the top level; without {@code faults} the top level's apply. */
    public record RegionState(AppStream appstream, WorkSpaces workspaces, Faults faults, List<ScriptedError> errors) {
        public RegionState {
            appstream = Objects.requireNonNullElse(appstream, new AppStream(null, null, null, null, null, null));
            workspaces = Objects.requireNonNullElse(workspaces, new WorkSpaces(null, null, null, null, null));
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    /** STS settings: {@code credentialSeconds}, when set, is how long every assumed role's credentials last. */
    public record Sts(Integer credentialSeconds) {
        public Sts {
            ScenarioRules.checkCredentialSeconds(credentialSeconds);
        }
    }

    /**
     * Everything one (account, Region) starts with. Its {@code seed} is the scenario's for the home account's home
     * Region, and derived from it and the place for the others, so that their draws and ids differ but stay reproducible.
     */
    public record Location(String accountId, String region, long seed, Faults faults, List<ScriptedError> errors,
                           AppStream appstream, WorkSpaces workspaces, int generation) {
        /**
         * The seed of the ids this place makes from now on (new WorkSpaces images, SNS messages): the seed itself in a
         * scenario's first run, and one of its own in each later generation of a saved state, so that a later run never
         * repeats an earlier run's ids (an id deleted by one run is not made again by the next). What the scenario itself
         * lists keeps its ids.
         */
        long newIdSeed() {
            return generation == 0 ? seed : seed ^ (generation * 0x9E3779B97F4A7C15L);
        }
    }

    /** What {@code account} holds in {@code region}; a place the scenario does not list exists but is empty. */
    public Location location(String account, String inRegion) {
        if (account.equals(accountId) && inRegion.equals(region)) {
            return new Location(accountId, region, seed, faults, errors, appstream, workspaces, generation);
        }
        long placeSeed = seed ^ (31L * account.hashCode() + inRegion.hashCode());
        RegionState state = accounts.stream().filter(entry -> entry.accountId().equals(account))
                .map(entry -> entry.regions().get(inRegion)).filter(Objects::nonNull).findFirst()
                .orElse(new RegionState(null, null, null, null));
        return new Location(account, inRegion, placeSeed, Objects.requireNonNullElse(state.faults(), faults),
                state.errors(), state.appstream(), state.workspaces(), generation);
    }

    /** Every (account, Region) the scenario lists, the home account's home Region first. */
    public List<Location> locations() {
        List<Location> listed = new ArrayList<>();
        listed.add(location(accountId, region));
        accounts.forEach(account -> account.regions().keySet().stream().sorted()
                .forEach(name -> listed.add(location(account.accountId(), name))));
        return listed;
    }

    /** The account entry of {@code account}, if the scenario lists one. */
    Optional<Account> account(String account) {
        return accounts.stream().filter(entry -> entry.accountId().equals(account)).findFirst();
    }

    /** As a file holds it: indented, and what is empty left out. */
    public String toJson() {
        return ScenarioFile.toJson(this);
    }

    /** Writes it to {@code file} whole or not at all: a save cut short leaves the file as it was. */
    public void save(Path file) {
        ScenarioFile.save(this, file);
    }

    public static Scenario load(Path file) {
        return ScenarioFile.load(file);
    }

    public static Scenario fromJson(String json) {
        return ScenarioFile.fromJson(json);
    }

    /** Three AppStream and three WorkSpaces images (four with updates, all of which build) and one topic. */
    public static Scenario defaultScenario() {
        return ScenarioFile.defaultScenario();
    }

    /**
     * Random faults, drawn from a generator seeded with the scenario seed: one draw per call that
     * {@code faultOperations} selects (all calls when it is empty).
     */
    public record Faults(double throttleRate, double serverErrorRate, List<String> faultOperations) {
        public Faults {
            faultOperations = faultOperations == null ? List.of() : List.copyOf(faultOperations);
            ScenarioRules.checkFaultRates(throttleRate, serverErrorRate);
        }
    }

    /**
     * An error to answer instead of processing: calls to {@code operation} (only mutating ones when
     * {@code mutatingOnly}) that mention {@code image} (a name, id or ARN ending in it; any image when
     * absent), {@code times} times (always when absent). {@code service} is needed only for an operation
     * that several services have (TagResource, ListTagsForResource); {@code type} must be an error of
     * that service's model or a common AWS error. With {@code afterEffect} the call takes effect first and the
     * error is answered after it: a response lost on its way back (a 5xx after the change went through).
     */
    public record ScriptedError(String service, String operation, String image, String type, String message,
                                Integer times, boolean mutatingOnly, boolean afterEffect) {
        public ScriptedError {
            Objects.requireNonNull(operation, "a scripted error needs an operation");
            Objects.requireNonNull(type, "a scripted error needs a type");
            service = ScenarioRules.serviceWith(service, operation, type);
            ScenarioRules.checkTimes(times);
            message = Objects.requireNonNullElse(message, "Simulated " + type + " for " + operation);
        }
    }

    /**
     * Faults of Lambda itself, thrown by the local runner's task host instead of running a step's handler, as Step
     * Functions reports them (e.g. {@code Lambda.ServiceException}): at {@code rate} per invocation (drawn from the
     * scenario seed), and for the first {@code firstCalls} invocations of a step ("Plan", "Check", "Start", "Poll",
     * "Report"). Each fault takes the next of {@code errors} in turn.
     */
    public record LambdaFaults(double rate, List<String> errors, Map<String, Integer> firstCalls) {
        public LambdaFaults {
            errors = errors == null || errors.isEmpty() ? List.of("Lambda.ServiceException") : List.copyOf(errors);
            firstCalls = firstCalls == null ? Map.of() : Map.copyOf(firstCalls);
            ScenarioRules.checkLambdaFaults(rate, errors);
        }
    }

    /**
     * AppStream: its images; at most {@code maxUpdatesInFlight} updated images building at once (no limit when
     * absent); {@code newImagesHiddenForDescribes} describes that leave out an image made during the run.
     */
    public record AppStream(List<AppStreamImage> images, Integer maxUpdatesInFlight, Integer newImagesHiddenForDescribes,
                            Integer pageSize, List<Fleet> fleets, List<ImageBuilder> imageBuilders) {
        public AppStream {
            images = uniqueBy(images, AppStreamImage::name, "AppStream image name");
            checkLimits("appstream", maxUpdatesInFlight, newImagesHiddenForDescribes, pageSize);
            fleets = uniqueBy(fleets, Fleet::name, "AppStream fleet name");
            imageBuilders = uniqueBy(imageBuilders, ImageBuilder::name, "AppStream image builder name");
            ScenarioRules.checkAppStreamReferences(images, fleets, imageBuilders);
        }
    }

    /**
     * An AppStream fleet: {@code type} ALWAYS_ON (default), ON_DEMAND or ELASTIC (no image: app blocks);
     * {@code state} RUNNING (default), STARTING, STOPPING or STOPPED; {@code platform} defaults to its image's;
     * {@code displayName} and {@code description} as UpdateFleet last set them (none by default); {@code afterMove}: FleetAfterMove;
     * {@code stacks}: the stacks associated with it, which CreateStreamingURL takes with it.
     */
    public record Fleet(String name, String type, String state, String platform, String imageName, String instanceType,
                        Integer desiredInstances, String displayName, String description, FleetAfterMove afterMove, List<String> stacks) {
        public Fleet {
            Objects.requireNonNull(name, "an AppStream fleet needs a name");
            type = oneOf("AppStream fleet " + name + " type", Objects.requireNonNullElse(type, "ALWAYS_ON"),
                    ServiceModel.APPSTREAM, "FleetType");
            state = oneOf("AppStream fleet " + name + " state", Objects.requireNonNullElse(state, "RUNNING"),
                    ServiceModel.APPSTREAM, "FleetState");
            ScenarioRules.checkFleetImage(name, type, platform, imageName);
            instanceType = Objects.requireNonNullElse(instanceType, "stream.standard.medium");
            desiredInstances = Objects.requireNonNullElse(desiredInstances, 1);
        }
    }

    /** An AppStream image builder and the image it runs; {@code state} RUNNING (default) or another ImageBuilderState. */
    public record ImageBuilder(String name, String imageName, String state) {
        public ImageBuilder {
            Objects.requireNonNull(name, "an AppStream image builder needs a name");
            Objects.requireNonNull(imageName, "AppStream image builder " + name + " needs an imageName");
            state = oneOf("AppStream image builder " + name + " state", Objects.requireNonNullElse(state, "RUNNING"),
                    ServiceModel.APPSTREAM, "ImageBuilderState");
        }
    }

    /**
     * An AppStream image; {@code build} says how an update made from it turns out; {@code agentVersion} its
     * AppstreamAgentVersion, and {@code latestAgent} whether that is the latest agent (both answered only when given). What an
     * image acquires in a run, for a saved state: {@code baseImageArn} (the image it was made from), {@code imagePermissions}
     * (shares with their own permissions, in the order made; {@code sharedWithAccounts} is the short form for both),
     * {@code building} (an update still building) and {@code failedAt} (when its update failed, which its describe then reports).
     */
    public record AppStreamImage(String name, String displayName, String description, String state, String visibility,
                                 String platform, boolean updateAvailable, Map<String, String> tags, Build build,
                                 int hiddenForDescribes, List<String> sharedWithAccounts, String created, String agentVersion,
                                 Boolean latestAgent, String baseImageArn, Map<String, ImagePermissions> imagePermissions,
                                 Building building, String failedAt) implements ImageSpec {
        public AppStreamImage {
            Objects.requireNonNull(name, "an AppStream image needs a name");
            sharedWithAccounts = accountIds("AppStream image " + name, sharedWithAccounts);
            imagePermissions = imagePermissions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(imagePermissions));
            ScenarioRules.checkShares("AppStream image " + name, sharedWithAccounts, imagePermissions);
            createdTime("AppStream image " + name, created);
            failedTime("AppStream image " + name, failedAt);
            notNegative("AppStream image " + name + " hiddenForDescribes", hiddenForDescribes);
            state = Objects.requireNonNullElse(state, "AVAILABLE");
            visibility = Objects.requireNonNullElse(visibility, "PRIVATE");
            platform = Objects.requireNonNullElse(platform, "WINDOWS_SERVER_2022");
            tags = sorted(tags);
            build = Objects.requireNonNullElse(build, Build.DEFAULT);
        }
    }

    /** WorkSpaces: its images, and the same two service-level settings as {@link AppStream}. */
    public record WorkSpaces(List<WorkSpacesImage> images, Integer maxUpdatesInFlight, Integer newImagesHiddenForDescribes,
                             Integer pageSize, List<BundleSpec> bundles) {
        public WorkSpaces {
            images = uniqueBy(images, WorkSpacesImage::id, "WorkSpaces image id");
            checkLimits("workspaces", maxUpdatesInFlight, newImagesHiddenForDescribes, pageSize);
            bundles = uniqueBy(bundles, BundleSpec::id, "WorkSpaces bundle id");
            ScenarioRules.checkWorkSpacesReferences(images);
        }
    }

    /**
     * A WorkSpaces image; {@code ownerAccountId} defaults to the scenario's account (an OWNED image). As for AppStream,
     * {@code building} and {@code failedAt} are what an image acquires in a run, for a saved state.
     */
    public record WorkSpacesImage(String id, String name, String description, String state, String os,
                                  String requiredTenancy, String ownerAccountId, boolean updateAvailable,
                                  String updateDescription, Map<String, String> tags, Build build,
                                  int hiddenForDescribes, List<String> sharedWithAccounts, String created, Building building,
                                  String failedAt) implements ImageSpec {
        public WorkSpacesImage {
            Objects.requireNonNull(id, "a WorkSpaces image needs an id");
            sharedWithAccounts = accountIds("WorkSpaces image " + id, sharedWithAccounts);
            createdTime("WorkSpaces image " + id, created);
            failedTime("WorkSpaces image " + id, failedAt);
            notNegative("WorkSpaces image " + id + " hiddenForDescribes", hiddenForDescribes);
            ScenarioRules.checkId("WorkSpaces image", id, "wsi-[0-9a-z]{9,63}");
            Objects.requireNonNull(name, "WorkSpaces image " + id + " needs a name");
            state = Objects.requireNonNullElse(state, "AVAILABLE");
            os = Objects.requireNonNullElse(os, "WINDOWS");
            requiredTenancy = Objects.requireNonNullElse(requiredTenancy, "DEFAULT");
            tags = sorted(tags);
            build = Objects.requireNonNullElse(build, Build.DEFAULT);
        }
    }

    /**
     * The home account's topics and their subscriptions: an approval can be answered only when someone gets its mail,
     * so the pipeline asks for the subscriptions (ListSubscriptionsByTopic) before it mails one.
     */
    public record Sns(List<String> topics, List<Subscription> subscriptions) {
        public Sns {
            topics = topics == null ? List.of() : List.copyOf(topics);
            subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
            ScenarioRules.checkSubscriptions(topics, subscriptions);
        }
    }

    /**
     * A subscription to one of the topics: {@code protocol} default email; {@code confirmed} default true, false for one
     * whose confirmation mail was never answered (SNS lists it with the SubscriptionArn "PendingConfirmation").
     */
    public record Subscription(String topicArn, String protocol, String endpoint, Boolean confirmed) {
        public Subscription {
            Objects.requireNonNull(topicArn, "an SNS subscription needs a topicArn");
            Objects.requireNonNull(endpoint, "an SNS subscription needs an endpoint, e.g. an e-mail address");
            protocol = Objects.requireNonNullElse(protocol, "email");
            confirmed = Objects.requireNonNullElse(confirmed, true);
        }
    }

    /**
     * How an update build ends: {@code outcome} after {@code pollsUntilDone} describe calls that show the
     * new image and/or {@code pendingSeconds} (both when both are set; 2 polls when neither is).
     * {@code reason} and {@code errorCode} describe a failure.
     */
    public record Build(BuildOutcome outcome, Integer pollsUntilDone, Double pendingSeconds, String reason, String errorCode) {
        static final Build DEFAULT = new Build(null, null, null, null, null);

        public Build {
            outcome = Objects.requireNonNullElse(outcome, BuildOutcome.AVAILABLE);
            if (pollsUntilDone == null && pendingSeconds == null) {
                pollsUntilDone = 2;
            }
            ScenarioRules.checkBuildWait(pollsUntilDone, pendingSeconds);
        }
    }

    /** What an account an AppStream image is shared with may do with it. */
    public record ImagePermissions(boolean allowFleet, boolean allowImageBuilder) {}

    /**
     * An update still building when a state was saved: the image it is made from ({@code updateOf}, which it clears of its
     * update once AVAILABLE; none when that image was deleted meanwhile), when it {@code started} (ISO-8601) and the
     * describes that have shown it ({@code polls}); its {@code build} goes on from there.
     */
    public record Building(String updateOf, String started, int polls) {
        public Building {
            instant("building started", Objects.requireNonNull(started, "building needs started: when the update began"));
            notNegative("building polls", polls);
        }
    }

    /** AVAILABLE, FAILED (ERROR is the WorkSpaces word for it) or PENDING: the build never ends. */
    public enum BuildOutcome {
        AVAILABLE, FAILED, PENDING;

        @JsonCreator
        static BuildOutcome parse(String text) {
            String outcome = text.toUpperCase(Locale.ROOT);
            return "ERROR".equals(outcome) ? FAILED : valueOf(outcome);
        }
    }
}
