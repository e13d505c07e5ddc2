package com.eucimageupdater.plan;

import com.eucimageupdater.model.ImageNames;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.ImageRules;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServiceRules;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a list of images (execution input or cdk.json) and checks every field against the APIs' rules
 * before anything reaches AWS. All problems are reported at once, each naming the field and the rule.
 */
public final class ImageRequests {
    private static final int USER_TAGS_MAX = ImageRules.MAX_TAGS - PipelineTags.COUNT;
    /** Any fixed date stands for the run date when comparing the names two sources would get. */
    private static final String ANY_DATE = "2000-01-01";
    public static final int MAX_KEEP = 100;
    /** Every field an image item may hold, whichever its service (a field of the other service's is refused on its own). */
    public static final List<String> ITEM_FIELDS = itemFields();
    private static final KnownKeys ITEM_KEYS = KnownKeys.fields(ITEM_FIELDS);

    private ImageRequests() {}

    private static List<String> itemFields() {
        List<String> fields = new ArrayList<>(List.of("service", "image"));
        for (Service service : Service.values()) {
            fields.addAll(List.of(service.rules().target(), service.rules().stagingField(), service.rules().productionField()));
        }
        fields.addAll(List.of("displayName", "description", "tags", "keep", "account", "region", "copyToRegions", "shareWithAccounts"));
        return List.copyOf(fields);
    }

    /**
     * @param images a JSON array of image objects; null or missing counts as empty
     * @param path how the array is named in messages, e.g. {@code images} or {@code context.images}
     */
    public static ParsedImages parse(JsonNode images, String path) {
        return parse(images, path, ITEM_KEYS);
    }

    /**
     * @param itemKeys the fields an item may hold ({@link #ITEM_FIELDS}), and what to say of a field that belongs elsewhere
     */
    public static ParsedImages parse(JsonNode images, String path, KnownKeys itemKeys) {
        List<String> problems = new ArrayList<>();
        List<ImageRequest> requests = new ArrayList<>();
        if (images == null || images.isNull() || images.isMissingNode()) {
            return new ParsedImages(path, requests, problems);
        }
        if (!images.isArray()) {
            problems.add(path + ": must be a list of images, e.g. [{\"service\": \"APPSTREAM\", \"image\": \"my-image\"}]");
            return new ParsedImages(path, requests, problems);
        }
        Map<String, String> firstSeenAt = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            String at = path + "[" + i + "]";
            ImageRequest request = parseOne(images.get(i), at, itemKeys, problems);
            if (request == null) {
                continue;
            }
            String problem = request.image() == null ? null : listedTwice(request, at, firstSeenAt);
            problem = problem != null ? problem : targetListedTwice(request, at, firstSeenAt);
            if (problem != null) {
                problems.add(problem);
            } else {
                requests.add(request);
            }
        }
        return new ParsedImages(path, requests, problems);
    }

    /** Names are unique per account and Region: the same name elsewhere is another image (or fleet, or bundle). */
    private static String where(ImageRequest request) {
        return (request.account() == null ? "own" : request.account()) + "/" + (request.region() == null ? "own" : request.region()) + "/";
    }

    private static String listedTwice(ImageRequest request, String at, Map<String, String> firstSeenAt) {
        String earlier = firstSeenAt.putIfAbsent(where(request) + request.service() + "/" + request.image(), at);
        if (earlier != null) {
            return at + ": " + request.service() + " image \"" + request.image() + "\" is listed twice (also " + earlier
                    + "); each image may appear once per run (list all its fleets or bundles in one entry)";
        }
        String sameNewName = request.service().rules().sourcesAreNamed()
                ? firstSeenAt.putIfAbsent(where(request) + newNameKey(request), at) : null;
        return sameNewName == null ? null : at + ".image: \"" + request.image() + "\" and " + sameNewName + " would both be updated to \""
                + newNameKey(request).replace(ANY_DATE, "<run date>") + "\" (a date suffix is replaced); keep one of them";
    }

    /** A fleet or bundle takes one image: it may be named once in a run, as a source, a staging or a production target. */
    private static String targetListedTwice(ImageRequest request, String at, Map<String, String> firstSeenAt) {
        for (String target : request.targets()) {
            String earlier = firstSeenAt.putIfAbsent(where(request) + request.service() + "/target/" + target, at);
            if (earlier != null) {
                return at + ": " + request.service().rules().target() + " \"" + target + "\" is also named by " + earlier
                        + "; a " + request.service().rules().target() + " may be named once per run";
            }
        }
        return null;
    }

    /**
     * AppStream names are unique per account and a source's date suffix is replaced, so two sources that differ
     * only by a date (or past the length limit) would claim the same new name on every run date.
     */
    private static String newNameKey(ImageRequest request) {
        return ImageNames.newImageName(request.service(), request.image(), ANY_DATE);
    }

    private static ImageRequest parseOne(JsonNode node, String at, KnownKeys itemKeys, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": must be an object with at least \"service\" and \"image\"");
            return null;
        }
        int before = problems.size();
        // An item with an unknown field is not what the admin meant: refused, its other fields still checked.
        problems.addAll(itemKeys.problems(node::fieldNames, at));
        if (!node.has("service") && misspelt(node, itemKeys, "service")) {
            return null;
        }
        Service service = service(node.get("service"), at + ".service", problems);
        if (service == null) {
            return null;
        }
        ServiceRules rules = service.rules();
        refuseOtherServicesTargets(node, service, at, problems);
        String image = text(node, "image", at, problems, false);
        String fromTarget = text(node, rules.target(), at, problems, false);
        if (image == null && fromTarget == null && problems.size() == before) {
            problems.add(at + ".image: is required: the image to update, or \"" + rules.target() + "\": the " + rules.target()
                    + " whose image to update");
        } else if (image != null && fromTarget != null) {
            problems.add(at + ": give either \"image\" or \"" + rules.target() + "\", not both (a " + rules.target()
                    + " that should take the new image goes in \"" + rules.productionField() + "\")");
        }
        String displayName = text(node, "displayName", at, problems, false);
        String description = text(node, "description", at, problems, false);
        Map<String, String> tags = tags(node.get("tags"), at + ".tags", problems);
        check(image, rules::imageProblem, at + ".image", problems);
        check(fromTarget, rules::targetProblem, at + "." + rules.target(), problems);
        check(displayName, rules::displayNameProblem, at + ".displayName", problems);
        check(description, rules::descriptionProblem, at + ".description", problems);
        List<String> staging = targets(node, rules.stagingField(), rules, at, problems);
        List<String> production = targets(node, rules.productionField(), rules, at, problems);
        staging.stream().filter(production::contains).forEach(both -> problems.add(at + "." + rules.productionField() + ": \"" + both
                + "\" is also in " + rules.stagingField() + "; a " + rules.target() + " is either staged or in production"));
        if (fromTarget != null && (staging.contains(fromTarget) || production.contains(fromTarget))) {
            problems.add(at + "." + rules.target() + ": \"" + fromTarget + "\" is the source and also listed as a target; the "
                    + rules.target() + " named as the source is already a production target");
        }
        int keep = keep(node.get("keep"), at + ".keep", problems);
        String account = text(node, "account", at, problems, false);
        String region = text(node, "region", at, problems, false);
        check(account, ImageRequests::accountProblem, at + ".account", problems);
        check(region, ImageRequests::regionProblem, at + ".region", problems);
        List<String> copyToRegions = strings(node, "copyToRegions", ImageRequests::regionProblem, at, problems);
        List<String> shareWithAccounts = strings(node, "shareWithAccounts", ImageRequests::accountProblem, at, problems);
        if (region != null && copyToRegions.contains(region)) {
            problems.add(at + ".copyToRegions: \"" + region + "\" is the image's own Region; list only the Regions that get a copy");
        }
        if (account != null && shareWithAccounts.contains(account)) {
            problems.add(at + ".shareWithAccounts: \"" + account + "\" owns the image; list only the accounts it is shared with");
        }
        int productionTargets = production.size() + (fromTarget == null ? 0 : 1);
        int rolloutTags = PipelineTags.rolloutTags(staging.size(), productionTargets);
        if (problems.size() == before && tags.size() + rolloutTags > USER_TAGS_MAX) {
            problems.add(at + ".tags: " + tags.size() + " tags, " + staging.size() + " staging and " + productionTargets + " production "
                    + rules.target() + "s: the new image records the roll-out in " + rolloutTags + " tags (one per staging "
                    + rules.target() + ", two per production " + rules.target() + ", and two more with production " + rules.target()
                    + "s), and images take at most " + ImageRules.MAX_TAGS + " tags (" + PipelineTags.COUNT
                    + " more of them the pipeline's)");
        }
        return problems.size() == before
                ? new ImageRequest(service, image, fromTarget, displayName, description, tags, staging, production, null, keep, account,
                        region, copyToRegions, shareWithAccounts, null)
                : null;
    }

    /** Whether an unknown field of the item stands for {@code field}: its own problem says so, once. */
    private static boolean misspelt(JsonNode node, KnownKeys itemKeys, String field) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!itemKeys.knows(name) && itemKeys.nearest(name).filter(field::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static void check(String value, Function<String, String> rule, String at, List<String> problems) {
        String problem = value == null ? null : rule.apply(value);
        if (problem != null) {
            problems.add(at + ": " + problem);
        }
    }

    /** Fleets belong to AppStream images and bundles to WorkSpaces images. */
    private static void refuseOtherServicesTargets(JsonNode node, Service service, String at, List<String> problems) {
        for (Service other : Service.values()) {
            ServiceRules rules = other.rules();
            if (other == service) {
                continue;
            }
            for (String field : List.of(rules.target(), rules.stagingField(), rules.productionField())) {
                if (node.has(field)) {
                    problems.add(at + "." + field + ": is for " + other + " images; " + service + " images roll out to "
                            + service.rules().target() + "s (" + service.rules().stagingField() + ", " + service.rules().productionField()
                            + ")");
                }
            }
        }
    }

    private static List<String> targets(JsonNode node, String field, ServiceRules rules, String at, List<String> problems) {
        JsonNode list = node.get(field);
        List<String> targets = new ArrayList<>();
        if (list == null || list.isNull()) {
            return targets;
        }
        if (!list.isArray()) {
            problems.add(at + "." + field + ": must be a list of " + rules.target() + "s, e.g. [\"" + (rules.target().equals("fleet")
                    ? "Base-Test" : "wsb-0a1b2c3d4") + "\"]");
            return targets;
        }
        for (int i = 0; i < list.size(); i++) {
            String targetAt = at + "." + field + "[" + i + "]";
            JsonNode target = list.get(i);
            if (!target.isTextual()) {
                problems.add(targetAt + ": must be a string");
            } else if (targets.contains(target.asText())) {
                problems.add(targetAt + ": \"" + target.asText() + "\" is listed twice");
            } else {
                check(target.asText(), rules::targetProblem, targetAt, problems);
                targets.add(target.asText());
            }
        }
        return targets;
    }

    static String accountProblem(String account) {
        return Location.ACCOUNT.matcher(account).matches() ? null : "must be a 12-digit AWS account id, got \"" + account + "\"";
    }

    static String regionProblem(String region) {
        return Location.REGION.matcher(region).matches() ? null : "must be an AWS Region name such as eu-west-1, got \"" + region + "\"";
    }

    /** An optional list of distinct strings, each checked by {@code rule}. */
    private static List<String> strings(JsonNode node, String field, Function<String, String> rule, String at, List<String> problems) {
        JsonNode list = node.get(field);
        List<String> values = new ArrayList<>();
        if (list == null || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            problems.add(at + "." + field + ": must be a list of strings");
            return values;
        }
        for (int i = 0; i < list.size(); i++) {
            String valueAt = at + "." + field + "[" + i + "]";
            JsonNode value = list.get(i);
            if (!value.isTextual()) {
                problems.add(valueAt + ": must be a string");
            } else if (values.contains(value.asText())) {
                problems.add(valueAt + ": \"" + value.asText() + "\" is listed twice");
            } else {
                check(value.asText(), rule, valueAt, problems);
                values.add(value.asText());
            }
        }
        return values;
    }

    /** How many of the lineage's images to keep; at least 1, the new one. */
    private static int keep(JsonNode node, String at, List<String> problems) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > MAX_KEEP) {
            problems.add(at + ": must be a whole number from 1 to " + MAX_KEEP + " (the newest images of the lineage to keep; leave"
                    + " it out to keep them all), got " + node);
            return 0;
        }
        return node.asInt();
    }

    private static Service service(JsonNode node, String at, List<String> problems) {
        if (node == null || !node.isTextual()) {
            problems.add(at + ": is required and must be \"APPSTREAM\" or \"WORKSPACES\"");
            return null;
        }
        try {
            return Service.valueOf(node.asText().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at + ": must be \"APPSTREAM\" or \"WORKSPACES\", got \"" + node.asText() + "\"");
            return null;
        }
    }

    private static String text(JsonNode parent, String field, String at, List<String> problems, boolean required) {
        JsonNode node = parent.get(field);
        boolean absent = node == null || node.isNull() || (!required && node.isTextual() && node.asText().isBlank());
        if (absent) {
            // A blank optional field gets its default, as if it were left out.
            if (required) {
                problems.add(at + "." + field + ": is required");
            }
            return null;
        }
        if (!node.isTextual() || (required && node.asText().isBlank())) {
            problems.add(at + "." + field + ": must be a " + (required ? "non-empty " : "") + "string");
            return null;
        }
        if (node.asText().contains("${")) {
            // The configured images reach the state machine through a CloudFormation substitution.
            problems.add(at + "." + field + ": may not contain \"${\" (CloudFormation would take it for a substitution)");
            return null;
        }
        return node.asText();
    }

    private static Map<String, String> tags(JsonNode node, String at, List<String> problems) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isObject()) {
            problems.add(at + ": must be an object of tag keys to string values, e.g. {\"team\": \"euc\"}");
            return tags;
        }
        if (node.size() > USER_TAGS_MAX) {
            problems.add(at + ": at most " + USER_TAGS_MAX + " tags (the services allow " + ImageRules.MAX_TAGS
                    + " and the pipeline adds " + PipelineTags.COUNT + "), got " + node.size());
        }
        node.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            String keyAt = at + "." + key;
            checkTagKey(key, keyAt, problems);
            JsonNode value = entry.getValue();
            if (!value.isTextual()) {
                problems.add(keyAt + ": tag values must be strings");
                return;
            }
            checkTagText(value.asText(), ImageRules.TAG_VALUE_MAX, 0, keyAt + " (value)", problems);
            tags.put(key, value.asText());
        });
        return tags;
    }

    private static void checkTagKey(String key, String at, List<String> problems) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws:")) {
            problems.add(at + ": tag keys may not start with 'aws:' (reserved by AWS)");
        } else if (lower.startsWith(PipelineTags.PREFIX)) {
            problems.add(at + ": tag keys may not start with '" + PipelineTags.PREFIX + "' (set by the pipeline)");
        }
        checkTagText(key, ImageRules.TAG_KEY_MAX, 1, at + " (key)", problems);
    }

    private static void checkTagText(String text, int max, int min, String at, List<String> problems) {
        if (ImageRules.length(text) < min || ImageRules.length(text) > max) {
            problems.add(at + ": must be " + min + "-" + max + " characters, got " + ImageRules.length(text));
        } else if (!ImageRules.TAG_TEXT.matcher(text).matches()) {
            problems.add(at + ": may contain only letters, digits, spaces and _ . : / = + - @, got \"" + text + "\"");
        }
    }
}
