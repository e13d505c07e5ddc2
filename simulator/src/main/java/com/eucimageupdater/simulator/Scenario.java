package com.eucimageupdater.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A simulated organization: the home account (the top level) in its home Region with its images, topics, faults and
 * errors, and optionally more accounts and Regions ({@code accounts}), each with the roles the home account may assume
 * and its own images per Region. Read from JSON (format in the module README); absent fields take the defaults below.
 * A simulator's state is saved in the same format ({@link AwsSimulator#snapshot()}), {@code generation} counting the saves.
 */
public record Scenario(String region, String accountId, long seed, Faults faults, List<ScriptedError> errors,
                       AppStream appstream, WorkSpaces workspaces, Sns sns, LambdaFaults lambda, List<Account> accounts,
                       Sts sts, int generation) {
    /** When the scenario's images were made: a fixed date keeps the answers reproducible. */
    static final Instant IMAGES_CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ACCOUNT_ID = "\\d{12}";
    /** Region names as AWS spells them: us-east-1, eu-west-1, us-gov-west-1, ap-southeast-2. */
    private static final String REGION_NAME = "[a-z]{2}(-[a-z]+)+-\\d{1,2}";
    private static final String ROLE_NAME = "[\\w+=,.@-]{1,64}";
    /** STS's externalIdType: 2 to 1224 of these characters. */
    private static final String EXTERNAL_ID = "[\\w+=,.@:/-]{2,1224}";

    public Scenario {
        region = matching("region", Objects.requireNonNullElse(region, "us-east-1"), REGION_NAME, "a Region name like eu-west-1");
        accountId = matching("accountId", Objects.requireNonNullElse(accountId, "123456789012"), ACCOUNT_ID, "a 12-digit account id");
        faults = Objects.requireNonNullElse(faults, new Faults(0, 0, null));
        errors = errors == null ? List.of() : List.copyOf(errors);
        appstream = Objects.requireNonNullElse(appstream, new AppStream(null, null, null, null, null, null));
        workspaces = Objects.requireNonNullElse(workspaces, new WorkSpaces(null, null, null, null, null));
        sns = Objects.requireNonNullElse(sns, new Sns(null, null));
        lambda = Objects.requireNonNullElse(lambda, new LambdaFaults(0, null, null));
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        sts = Objects.requireNonNullElse(sts, new Sts(null));
        notNegative("generation", generation);
        checkBundles("", accountId, workspaces);
        HashSet<String> accountIds = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String field = "accounts[" + i + "]";
            if (!accountIds.add(account.accountId())) {
                throw new IllegalArgumentException(field + ".accountId: account " + account.accountId() + " is listed twice");
            }
            if (account.accountId().equals(accountId) && account.regions().containsKey(region)) {
                throw new IllegalArgumentException(field + ".regions." + region + ": the home account's home Region is"
                        + " the top level of the scenario, not an entry of accounts");
            }
            account.regions().forEach((name, entry) -> checkBundles(field + ".regions." + name + ".", account.accountId(),
                    entry.workspaces()));
        }
    }

    /** An account of the organization: the roles the home account may assume in it, and its state per Region. */
    public record Account(String accountId, List<Role> roles, Map<String, RegionState> regions) {
        public Account {
            matching("accountId", Objects.requireNonNull(accountId, "an account needs an accountId"), ACCOUNT_ID,
                    "a 12-digit account id");
            roles = uniqueBy(roles, Role::name, "roles: role name");
            regions = sorted(regions);
            regions.keySet().forEach(name -> matching("regions." + name, name, REGION_NAME, "a Region name like eu-west-1"));
        }

        Optional<Role> role(String name) {
            return roles.stream().filter(role -> role.name().equals(name)).findFirst();
        }
    }

    /** A role the home account may assume; with {@code externalId}, AssumeRole must give exactly that ExternalId. */
    public record Role(String name, String externalId) {
        public Role {
            matching("name", Objects.requireNonNull(name, "a role needs a name"), ROLE_NAME, ROLE_NAME);
            if (externalId != null) {
                matching("externalId of role " + name, externalId, EXTERNAL_ID, EXTERNAL_ID);
            }
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
            if (credentialSeconds != null && credentialSeconds < 1) {
                throw new IllegalArgumentException("sts.credentialSeconds must be at least 1 (leave it out for the"
                        + " request's DurationSeconds)");
            }
        }
    }

    /**
     * Everything one (account, Region) starts with. Its {@code seed} is the scenario's for the home account's home
     * Region, and derived from it and the place for the others, so that their draws and ids differ but stay reproducible.
     */
    public record Location(String accountId, String region, long seed, Faults faults, List<ScriptedError> errors,
                           AppStream appstream, WorkSpaces workspaces, int generation) {
        /** The seed of the ids this place makes from now on (see {@link Scenario#newIdSeed()}). */
        long newIdSeed() {
            return Scenario.newIdSeed(seed, generation);
        }
    }

    /**
     * The seed of the ids made from now on (new WorkSpaces images, SNS messages): the seed itself in a scenario's first
     * run, and one of its own in each later generation of a saved state, so that a later run never repeats an earlier
     * run's ids (an id deleted by one run is not made again by the next). What the scenario itself lists keeps its ids.
     */
    long newIdSeed() {
        return newIdSeed(seed, generation);
    }

    private static long newIdSeed(long seed, int generation) {
        return generation == 0 ? seed : seed ^ (generation * 0x9E3779B97F4A7C15L);
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

    /** An account's own bundles must point at one of its images in that Region. */
    private static void checkBundles(String where, String account, WorkSpaces workspaces) {
        List<WorkSpacesImage> images = workspaces.images();
        workspaces.bundles().stream().filter(bundle -> bundle.ownedBy(account)).forEach(bundle -> {
            if (images.stream().noneMatch(image -> image.id().equals(bundle.imageId()))) {
                throw new IllegalArgumentException(where + "workspaces.bundles: WorkSpaces bundle " + bundle.id()
                        + " is the account's own, so its imageId " + bundle.imageId() + " must be one of " + where
                        + "workspaces.images");
            }
        });
    }

    private static String matching(String field, String value, String pattern, String rule) {
        if (!value.matches(pattern)) {
            throw new IllegalArgumentException(field + ": " + value + " is not " + rule);
        }
        return value;
    }

    /** As a file holds it: indented, and what is empty left out. */
    public String toJson() {
        try {
            return Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY).writerWithDefaultPrettyPrinter()
                    .writeValueAsString(this) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario always serialises", e);
        }
    }

    /** Writes it to {@code file} whole or not at all: a save cut short leaves the file as it was. */
    public void save(Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
            try {
                Files.writeString(partial, toJson());
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the scenario to " + file, e);
        }
    }

    public static Scenario load(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the scenario " + file, e);
        }
    }

    public static Scenario fromJson(String json) {
        try {
            return Json.MAPPER.readerFor(Scenario.class).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readValue(json);
        } catch (JsonMappingException e) {
            String at = field(e.getPath());
            // A rule of ours broken: its own message, without Jackson's "Cannot construct instance of ...".
            String problem = e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException
                    ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("Invalid scenario" + (at.isEmpty() ? "" : " at " + at) + ": " + problem, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid scenario: " + e.getOriginalMessage(), e);
        }
    }

    /** Where in the file a problem is, e.g. accounts[1].regions.eu-west-1.appstream.images[0]. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** Three AppStream and three WorkSpaces images (four with updates, all of which build) and one topic. */
    public static Scenario defaultScenario() {
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/default.json")) {
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the default scenario", e);
        }
    }

    /**
     * Random faults, drawn from a generator seeded with the scenario seed: one draw per call that
     * {@code faultOperations} selects (all calls when it is empty).
     */
    public record Faults(double throttleRate, double serverErrorRate, List<String> faultOperations) {
        public Faults {
            faultOperations = faultOperations == null ? List.of() : List.copyOf(faultOperations);
            if (throttleRate < 0 || serverErrorRate < 0 || throttleRate + serverErrorRate > 1) {
                throw new IllegalArgumentException("throttleRate and serverErrorRate must be >= 0 and add up to at most 1");
            }
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
            service = service != null ? service : serviceOf(operation);
            ServiceModel model = ServiceModel.of(service);
            if (!model.hasOperation(operation)) {
                throw new IllegalArgumentException(service + " has no operation " + operation);
            }
            if (!model.hasError(type)) {
                throw new IllegalArgumentException(service + " has no error " + type + " in its model");
            }
            if (times != null && times < 1) {
                throw new IllegalArgumentException("times must be at least 1 (leave it out for always)");
            }
            message = Objects.requireNonNullElse(message, "Simulated " + type + " for " + operation);
        }

        private static String serviceOf(String operation) {
            List<String> services = ServiceModel.SERVICES.stream()
                    .filter(service -> ServiceModel.of(service).hasOperation(operation)).toList();
            if (services.size() != 1) {
                throw new IllegalArgumentException("Scripted error for " + operation + ": say which service "
                        + (services.isEmpty() ? "(no model has this operation)" : "(one of " + services + ")"));
            }
            return services.get(0);
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
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("lambda.rate must be from 0 to 1, got " + rate);
            }
            errors.stream().filter(error -> !error.matches("Lambda\\.[A-Za-z]+")).findFirst().ifPresent(error -> {
                throw new IllegalArgumentException("lambda.errors: " + error + " is not a Lambda error as Step Functions names them"
                        + " (Lambda.ServiceException, Lambda.TooManyRequestsException, ...)");
            });
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
            List<String> names = images.stream().map(AppStreamImage::name).toList();
            fleets.stream().filter(fleet -> fleet.imageName() != null && !names.contains(fleet.imageName())).findFirst()
                    .ifPresent(fleet -> {
                        throw new IllegalArgumentException("AppStream fleet " + fleet.name() + " has imageName "
                                + fleet.imageName() + ", which is not one of appstream.images");
                    });
            imageBuilders.stream().filter(builder -> !names.contains(builder.imageName())).findFirst().ifPresent(builder -> {
                throw new IllegalArgumentException("AppStream image builder " + builder.name() + " has imageName "
                        + builder.imageName() + ", which is not one of appstream.images");
            });
            images.forEach(image -> checkBuilding("AppStream image " + image.name(), image.state(), image.building(), names));
        }
    }

    /**
     * An AppStream fleet: {@code type} ALWAYS_ON (default), ON_DEMAND or ELASTIC (no image: app blocks);
     * {@code state} RUNNING (default), STARTING, STOPPING or STOPPED; {@code platform} defaults to its image's;
     * {@code displayName} and {@code description} as UpdateFleet last set them (none by default).
     */
    public record Fleet(String name, String type, String state, String platform, String imageName, String instanceType,
                        Integer desiredInstances, String displayName, String description) {
        public Fleet {
            Objects.requireNonNull(name, "an AppStream fleet needs a name");
            type = oneOf("AppStream fleet " + name + " type", Objects.requireNonNullElse(type, "ALWAYS_ON"),
                    ServiceModel.APPSTREAM, "FleetType");
            state = oneOf("AppStream fleet " + name + " state", Objects.requireNonNullElse(state, "RUNNING"),
                    ServiceModel.APPSTREAM, "FleetState");
            if (platform != null) {
                oneOf("AppStream fleet " + name + " platform", platform, ServiceModel.APPSTREAM, "PlatformType");
            }
            if ("ELASTIC".equals(type) == (imageName != null)) {
                throw new IllegalArgumentException("AppStream fleet " + name + ": an ELASTIC fleet has no imageName,"
                        + " an ALWAYS_ON or ON_DEMAND fleet needs one");
            }
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
                                 Building building, String failedAt) {
        public AppStreamImage {
            Objects.requireNonNull(name, "an AppStream image needs a name");
            sharedWithAccounts = accountIds("AppStream image " + name, sharedWithAccounts);
            imagePermissions = imagePermissions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(imagePermissions));
            accountIds("AppStream image " + name + " imagePermissions", List.copyOf(imagePermissions.keySet()));
            sharedWithAccounts.stream().filter(imagePermissions::containsKey).findFirst().ifPresent(account -> {
                throw new IllegalArgumentException("AppStream image " + name + ": account " + account
                        + " is in both sharedWithAccounts and imagePermissions; list it once");
            });
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
                             Integer pageSize, List<Bundle> bundles) {
        public WorkSpaces {
            images = uniqueBy(images, WorkSpacesImage::id, "WorkSpaces image id");
            checkLimits("workspaces", maxUpdatesInFlight, newImagesHiddenForDescribes, pageSize);
            bundles = uniqueBy(bundles, Bundle::id, "WorkSpaces bundle id");
            List<String> ids = images.stream().map(WorkSpacesImage::id).toList();
            images.forEach(image -> checkBuilding("WorkSpaces image " + image.id(), image.state(), image.building(), ids));
        }
    }

    /**
     * A WorkSpaces bundle: {@code owner} the scenario account (default), another account or AMAZON (AWS's public
     * bundles); {@code workspaces} how many WorkSpaces were launched from it; {@code lastUpdated} when UpdateWorkspaceBundle
     * last changed its image (its creation by default).
     */
    public record Bundle(String id, String name, String description, String owner, String imageId, int workspaces,
                         String lastUpdated) {
        public Bundle {
            Objects.requireNonNull(id, "a WorkSpaces bundle needs an id");
            if (!id.matches("wsb-[0-9a-z]{8,63}")) {
                throw new IllegalArgumentException("WorkSpaces bundle id " + id + " does not match wsb-[0-9a-z]{8,63}");
            }
            Objects.requireNonNull(name, "WorkSpaces bundle " + id + " needs a name");
            Objects.requireNonNull(imageId, "WorkSpaces bundle " + id + " needs an imageId");
            notNegative("WorkSpaces bundle " + id + " workspaces", workspaces);
            if (lastUpdated != null) {
                instant("WorkSpaces bundle " + id + " lastUpdated", lastUpdated);
            }
        }

        boolean ownedBy(String accountId) {
            return owner == null || owner.equals(accountId);
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
                                  String failedAt) {
        public WorkSpacesImage {
            Objects.requireNonNull(id, "a WorkSpaces image needs an id");
            sharedWithAccounts = accountIds("WorkSpaces image " + id, sharedWithAccounts);
            createdTime("WorkSpaces image " + id, created);
            failedTime("WorkSpaces image " + id, failedAt);
            notNegative("WorkSpaces image " + id + " hiddenForDescribes", hiddenForDescribes);
            if (!id.matches("wsi-[0-9a-z]{9,63}")) {
                throw new IllegalArgumentException("WorkSpaces image id " + id + " does not match wsi-[0-9a-z]{9,63}");
            }
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
            for (Subscription subscription : subscriptions) {
                if (!topics.contains(subscription.topicArn())) {
                    throw new IllegalArgumentException("sns.subscriptions: " + subscription.endpoint() + " subscribes to "
                            + subscription.topicArn() + ", which is not one of sns.topics");
                }
            }
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
            if (pollsUntilDone != null && pollsUntilDone < 0 || pendingSeconds != null && pendingSeconds < 0) {
                throw new IllegalArgumentException("pollsUntilDone and pendingSeconds cannot be negative");
            }
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

    private static void checkLimits(String service, Integer maxUpdatesInFlight, Integer newImagesHiddenForDescribes,
                                    Integer pageSize) {
        if (maxUpdatesInFlight != null && maxUpdatesInFlight < 1) {
            throw new IllegalArgumentException(service + ".maxUpdatesInFlight must be at least 1 (leave it out for no limit)");
        }
        if (pageSize != null && pageSize < 1) {
            throw new IllegalArgumentException(service + ".pageSize must be at least 1 (leave it out for 25)");
        }
        if (newImagesHiddenForDescribes != null) {
            notNegative(service + ".newImagesHiddenForDescribes", newImagesHiddenForDescribes);
        }
    }

    /** {@code value} if the model's enum {@code shape} has it; otherwise an error naming the field and the values. */
    private static String oneOf(String field, String value, String service, String shape) {
        List<String> values = Json.texts(ServiceModel.of(service).shape(shape).get("enum"));
        if (!values.contains(value)) {
            throw new IllegalArgumentException(field + " " + value + " is not one of " + values);
        }
        return value;
    }

    /** An image's {@code created} (ISO-8601, e.g. 2025-05-11T06:00:00Z), or the fixed default when absent. */
    static Instant createdTime(String image, String created) {
        return created == null ? IMAGES_CREATED : instant(image + " created", created);
    }

    /** When an image's update failed, if it did (ISO-8601). */
    static Instant failedTime(String image, String failedAt) {
        return failedAt == null ? null : instant(image + " failedAt", failedAt);
    }

    static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " " + value + " is not an ISO-8601 instant like 2025-05-11T06:00:00Z");
        }
    }

    /** An image still building is PENDING and made from one of the images beside it. */
    private static void checkBuilding(String image, String state, Building building, List<String> images) {
        if (building == null) {
            return;
        }
        if (!"PENDING".equals(state)) {
            throw new IllegalArgumentException(image + " is " + state + " and building: only a PENDING image is still building");
        }
        if (building.updateOf() != null && !images.contains(building.updateOf())) {
            throw new IllegalArgumentException(image + " is building from " + building.updateOf() + ", which is not one of the images");
        }
    }

    private static List<String> accountIds(String owner, List<String> accounts) {
        List<String> copy = accounts == null ? List.of() : List.copyOf(accounts);
        copy.stream().filter(account -> !account.matches(ACCOUNT_ID)).findFirst().ifPresent(account -> {
            throw new IllegalArgumentException(owner + " sharedWithAccounts: " + account + " is not a 12-digit account id");
        });
        return copy;
    }

    private static void notNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " cannot be negative");
        }
    }

    /** Keys in order, so that a saved state reads the same from one save to the next. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(map)));
    }

    private static <T> List<T> uniqueBy(List<T> items, Function<T, String> key, String what) {
        List<T> copy = items == null ? List.of() : List.copyOf(items);
        HashSet<String> seen = new HashSet<>();
        copy.forEach(item -> {
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException("Duplicate " + what + " " + key.apply(item));
            }
        });
        return copy;
    }
}
