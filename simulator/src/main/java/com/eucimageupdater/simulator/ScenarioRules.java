package com.eucimageupdater.simulator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What makes a {@link Scenario} valid beyond its shape: names and ids as AWS spells them, instants, limits, and the
 * references between its parts (a fleet's image, a bundle's image, an update's source, an account listed once). Each
 * broken rule is an {@link IllegalArgumentException} that names the field and the rule.
 */
final class ScenarioRules {
    private static final String ACCOUNT_ID = "\\d{12}";
    /** Region names as AWS spells them: us-east-1, eu-west-1, us-gov-west-1, ap-southeast-2. */
    private static final String REGION_NAME = "[a-z]{2}(-[a-z]+)+-\\d{1,2}";
    private static final String ROLE_NAME = "[\\w+=,.@-]{1,64}";
    /** STS's externalIdType: 2 to 1224 of these characters. */
    private static final String EXTERNAL_ID = "[\\w+=,.@:/-]{2,1224}";

    private ScenarioRules() {}

    /**
     * Each account is listed once, the home account's home Region is the top level (not an entry of accounts), and
     * every account's own bundles point at one of its images in that Region.
     */
    static void checkOrganization(String homeAccount, String homeRegion, Scenario.WorkSpaces home, List<Scenario.Account> accounts) {
        checkBundles("", homeAccount, home);
        HashSet<String> accountIds = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Scenario.Account account = accounts.get(i);
            String field = "accounts[" + i + "]";
            if (!accountIds.add(account.accountId())) {
                throw new IllegalArgumentException(field + ".accountId: account " + account.accountId() + " is listed twice");
            }
            if (account.accountId().equals(homeAccount) && account.regions().containsKey(homeRegion)) {
                throw new IllegalArgumentException(field + ".regions." + homeRegion + ": the home account's home Region is"
                        + " the top level of the scenario, not an entry of accounts");
            }
            account.regions().forEach((name, entry) -> checkBundles(field + ".regions." + name + ".", account.accountId(),
                    entry.workspaces()));
        }
    }

    /** An account's own bundles must point at one of its images in that Region; a WorkSpace id is one WorkSpace there. */
    private static void checkBundles(String where, String account, Scenario.WorkSpaces workspaces) {
        HashSet<String> workspaceIds = new HashSet<>();
        workspaces.bundles().forEach(bundle -> bundle.scriptedWorkspaces().forEach(workspace -> {
            if (!workspaceIds.add(workspace.id())) {
                throw new IllegalArgumentException(where + "workspaces.bundles: WorkSpace " + workspace.id()
                        + " is listed twice (by namedWorkspaces or workspaceGroups)");
            }
        }));
        List<Scenario.WorkSpacesImage> images = workspaces.images();
        workspaces.bundles().stream().filter(bundle -> bundle.ownedBy(account)).forEach(bundle -> {
            if (images.stream().noneMatch(image -> image.id().equals(bundle.imageId()))) {
                throw new IllegalArgumentException(where + "workspaces.bundles: WorkSpaces bundle " + bundle.id()
                        + " is the account's own, so its imageId " + bundle.imageId() + " must be one of " + where
                        + "workspaces.images");
            }
        });
    }

    static String accountId(String field, String value) {
        return matching(field, value, ACCOUNT_ID, "a 12-digit account id");
    }

    static String regionName(String field, String value) {
        return matching(field, value, REGION_NAME, "a Region name like eu-west-1");
    }

    static void checkRole(String name, String externalId) {
        matching("name", name, ROLE_NAME, ROLE_NAME);
        if (externalId != null) {
            matching("externalId of role " + name, externalId, EXTERNAL_ID, EXTERNAL_ID);
        }
    }

    static void checkCredentialSeconds(Integer credentialSeconds) {
        if (credentialSeconds != null && credentialSeconds < 1) {
            throw new IllegalArgumentException("sts.credentialSeconds must be at least 1 (leave it out for the"
                    + " request's DurationSeconds)");
        }
    }

    static void checkLimits(String service, Integer maxUpdatesInFlight, Integer newImagesHiddenForDescribes, Integer pageSize) {
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

    /** The fleets and image builders of an AppStream part run images of that part, and its updates build from them. */
    static void checkAppStreamReferences(List<Scenario.AppStreamImage> images, List<Scenario.Fleet> fleets,
                                         List<Scenario.ImageBuilder> imageBuilders) {
        List<String> names = images.stream().map(Scenario.AppStreamImage::name).toList();
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

    /** An AppStream image's shares: account ids, each account listed once, in the short form or with its permissions. */
    static void checkShares(String image, List<String> sharedWithAccounts, Map<String, Scenario.ImagePermissions> imagePermissions) {
        accountIds(image + " imagePermissions", List.copyOf(imagePermissions.keySet()));
        sharedWithAccounts.stream().filter(imagePermissions::containsKey).findFirst().ifPresent(account -> {
            throw new IllegalArgumentException(image + ": account " + account
                    + " is in both sharedWithAccounts and imagePermissions; list it once");
        });
    }

    /** A fleet's platform is one AppStream has; an ELASTIC fleet runs no image, the others one. */
    static void checkFleetImage(String fleet, String type, String platform, String imageName) {
        if (platform != null) {
            oneOf("AppStream fleet " + fleet + " platform", platform, ServiceModel.APPSTREAM, "PlatformType");
        }
        if ("ELASTIC".equals(type) == (imageName != null)) {
            throw new IllegalArgumentException("AppStream fleet " + fleet + ": an ELASTIC fleet has no imageName,"
                    + " an ALWAYS_ON or ON_DEMAND fleet needs one");
        }
    }

    /** The updates a WorkSpaces part lists as building build from its images. */
    static void checkWorkSpacesReferences(List<Scenario.WorkSpacesImage> images) {
        List<String> ids = images.stream().map(Scenario.WorkSpacesImage::id).toList();
        images.forEach(image -> checkBuilding("WorkSpaces image " + image.id(), image.state(), image.building(), ids));
    }

    /** A WorkSpaces id as the service makes them, e.g. wsi-0a1b2c3d4. */
    static void checkId(String resource, String id, String pattern) {
        if (!id.matches(pattern)) {
            throw new IllegalArgumentException(resource + " id " + id + " does not match " + pattern);
        }
    }

    /** An image still building is PENDING and made from one of the images beside it. */
    static void checkBuilding(String image, String state, Scenario.Building building, List<String> images) {
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

    static void checkBuildWait(Integer pollsUntilDone, Double pendingSeconds) {
        if (pollsUntilDone != null && pollsUntilDone < 0 || pendingSeconds != null && pendingSeconds < 0) {
            throw new IllegalArgumentException("pollsUntilDone and pendingSeconds cannot be negative");
        }
    }

    /**
     * The service of a scripted error: {@code service} when given, else the one service whose model has the operation;
     * its model must have the operation and the error {@code type} (or the type be a common AWS error).
     */
    static String serviceWith(String service, String operation, String type) {
        String named = service != null ? service : serviceOf(operation);
        ServiceModel model = ServiceModel.of(named);
        if (!model.hasOperation(operation)) {
            throw new IllegalArgumentException(named + " has no operation " + operation);
        }
        if (!model.hasError(type)) {
            throw new IllegalArgumentException(named + " has no error " + type + " in its model");
        }
        return named;
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

    static void checkTimes(Integer times) {
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1 (leave it out for always)");
        }
    }

    static void checkFaultRates(double throttleRate, double serverErrorRate) {
        if (throttleRate < 0 || serverErrorRate < 0 || throttleRate + serverErrorRate > 1) {
            throw new IllegalArgumentException("throttleRate and serverErrorRate must be >= 0 and add up to at most 1");
        }
    }

    /** A rate from 0 to 1, and errors as Step Functions names Lambda's own. */
    static void checkLambdaFaults(double rate, List<String> errors) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("lambda.rate must be from 0 to 1, got " + rate);
        }
        errors.stream().filter(error -> !error.matches("Lambda\\.[A-Za-z]+")).findFirst().ifPresent(error -> {
            throw new IllegalArgumentException("lambda.errors: " + error + " is not a Lambda error as Step Functions names them"
                    + " (Lambda.ServiceException, Lambda.TooManyRequestsException, ...)");
        });
    }

    /** Every subscription is to one of the topics. */
    static void checkSubscriptions(List<String> topics, List<Scenario.Subscription> subscriptions) {
        for (Scenario.Subscription subscription : subscriptions) {
            if (!topics.contains(subscription.topicArn())) {
                throw new IllegalArgumentException("sns.subscriptions: " + subscription.endpoint() + " subscribes to "
                        + subscription.topicArn() + ", which is not one of sns.topics");
            }
        }
    }

    private static String matching(String field, String value, String pattern, String rule) {
        if (!value.matches(pattern)) {
            throw new IllegalArgumentException(field + ": " + value + " is not " + rule);
        }
        return value;
    }

    /** {@code value} if the model's enum {@code shape} has it; otherwise an error naming the field and the values. */
    static String oneOf(String field, String value, String service, String shape) {
        List<String> values = Json.texts(ServiceModel.of(service).shape(shape).get("enum"));
        if (!values.contains(value)) {
            throw new IllegalArgumentException(field + " " + value + " is not one of " + values);
        }
        return value;
    }

    /** What a bundle's WorkSpaces report as their operating system, when given, is one WorkSpaces has. */
    static void checkOperatingSystem(String bundle, String operatingSystemName) {
        if (operatingSystemName != null) {
            oneOf(bundle + " operatingSystemName", operatingSystemName, ServiceModel.WORKSPACES, "OperatingSystemName");
        }
    }

    /** An image's {@code created} (ISO-8601, e.g. 2025-05-11T06:00:00Z), or the fixed default when absent. */
    static Instant createdTime(String image, String created) {
        return created == null ? Scenario.IMAGES_CREATED : instant(image + " created", created);
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

    static List<String> accountIds(String owner, List<String> accounts) {
        List<String> copy = accounts == null ? List.of() : List.copyOf(accounts);
        copy.stream().filter(account -> !account.matches(ACCOUNT_ID)).findFirst().ifPresent(account -> {
            throw new IllegalArgumentException(owner + " sharedWithAccounts: " + account + " is not a 12-digit account id");
        });
        return copy;
    }

    static void notNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " cannot be negative");
        }
    }

    /** An optional number of hours (absent: the field's own meaning); present, at least 0. */
    static void notNegative(String field, Double hours) {
        if (hours != null && !(hours >= 0)) {
            throw new IllegalArgumentException(field + " must be 0 or more hours, got " + hours);
        }
    }

    /** Keys in order, so that a saved state reads the same from one save to the next. */
    static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(map)));
    }

    static <T> List<T> uniqueBy(List<T> items, Function<T, String> key, String what) {
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
