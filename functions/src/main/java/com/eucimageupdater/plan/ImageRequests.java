package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.model.ImageNames;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.ImageRules;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServiceRules;
import com.eucimageupdater.model.StagingGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
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
    /** Settings of the whole deployment that an admin might try on one image or one run: refused there, saying where they go. */
    public static final List<String> DEPLOYMENT_WIDE_FIELDS = List.of("promoteAfterHours");
    public static final String DEPLOYMENT_WIDE = "is run-wide (one clock for the whole run, so an image or a run may not set its own): set"
            + " it once, as cdk.json's promoteAfterHours";
    /** An item's fields, and the run-wide ones it may not set. */
    public static final KnownKeys ITEM_KEYS = KnownKeys.fields(ITEM_FIELDS).withElsewhere(DEPLOYMENT_WIDE_FIELDS, DEPLOYMENT_WIDE);

    private ImageRequests() {}

    private static List<String> itemFields() {
        List<String> fields = new ArrayList<>(List.of("service", "image"));
        for (Service service : Service.values()) {
            fields.addAll(List.of(service.rules().target(), service.rules().stagingField(), service.rules().productionField()));
        }
        fields.addAll(List.of("displayName", "description", "tags", "keep", "account", "region", "copyToRegions", "shareWithAccounts",
                GateFields.TIMEOUT, GateFields.STREAMING_CHECK, GateFields.CANARIES, RebuildFields.REBUILD));
        return List.copyOf(fields);
    }

    /**
     * @param images a JSON array of image objects; null or missing counts as empty
     * @param path how the array is named in messages, e.g. {@code images} or {@code context.images}
     */
    public static ParsedImages parse(Object images, String path) {
        return parse(images, path, ITEM_KEYS);
    }

    /**
     * @param itemKeys the fields an item may hold ({@link #ITEM_FIELDS}), and what to say of a field that belongs elsewhere
     */
    public static ParsedImages parse(Object images, String path, KnownKeys itemKeys) {
        Problems problems = new Problems();
        Problems listed = problems.at(path);
        List<ImageRequest> requests = new ArrayList<>();
        if (images == null) {
            return new ParsedImages(path, requests, problems.all());
        }
        if (!(images instanceof List<?> list)) {
            listed.add("must be a list of images, e.g. [{\"service\": \"APPSTREAM\", \"image\": \"my-image\"}]");
            return new ParsedImages(path, requests, problems.all());
        }
        Map<String, String> firstSeenAt = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Problems item = listed.index(i);
            ImageRequest request = parseOne(list.get(i), item, itemKeys);
            if (request != null && !listedTwice(request, item, firstSeenAt)) {
                requests.add(request);
            }
        }
        return new ParsedImages(path, requests, problems.all());
    }

    /** Names are unique per account and Region: the same name elsewhere is another image (or fleet, or bundle). */
    private static String where(ImageRequest request) {
        return (request.account() == null ? "own" : request.account()) + "/" + (request.region() == null ? "own" : request.region()) + "/";
    }

    /** @return whether the item names what an earlier item named, which is then its problem */
    private static boolean listedTwice(ImageRequest request, Problems item, Map<String, String> firstSeenAt) {
        return request.image() != null && imageListedTwice(request, item, firstSeenAt) || targetListedTwice(request, item, firstSeenAt);
    }

    /** The image, or the name it would be updated to. */
    private static boolean imageListedTwice(ImageRequest request, Problems item, Map<String, String> firstSeenAt) {
        String earlier = firstSeenAt.putIfAbsent(where(request) + request.service() + "/" + request.image(), item.path());
        if (earlier != null) {
            item.add(request.service() + " image \"" + request.image() + "\" is listed twice (also " + earlier
                    + "); each image may appear once per run (list all its fleets or bundles in one entry)");
            return true;
        }
        String sameNewName = request.service().rules().sourcesAreNamed()
                ? firstSeenAt.putIfAbsent(where(request) + newNameKey(request), item.path()) : null;
        if (sameNewName != null) {
            item.at("image").add("\"" + request.image() + "\" and " + sameNewName + " would both be updated to \""
                    + newNameKey(request).replace(ANY_DATE, "<run date>") + "\" (a date suffix is replaced); keep one of them");
        }
        return sameNewName != null;
    }

    /** A fleet or bundle takes one image: it may be named once in a run, as a source, a staging or a production target. */
    private static boolean targetListedTwice(ImageRequest request, Problems item, Map<String, String> firstSeenAt) {
        for (String target : request.targets()) {
            String earlier = firstSeenAt.putIfAbsent(where(request) + request.service() + "/target/" + target, item.path());
            if (earlier != null) {
                item.add(request.service().rules().target() + " \"" + target + "\" is also named by " + earlier
                        + "; a " + request.service().rules().target() + " may be named once per run");
                return true;
            }
        }
        return false;
    }

    /**
     * AppStream names are unique per account and a source's date suffix is replaced, so two sources that differ
     * only by a date (or past the length limit) would claim the same new name on every run date.
     */
    private static String newNameKey(ImageRequest request) {
        return ImageNames.newImageName(request.service(), request.image(), ANY_DATE);
    }

    private static ImageRequest parseOne(Object value, Problems item, KnownKeys itemKeys) {
        Map<String, Object> node = JsonValues.object(value);
        if (node == null) {
            item.add("must be an object with at least \"service\" and \"image\"");
            return null;
        }
        // An item with an unknown field is not what the admin meant: refused, its other fields still checked.
        itemKeys.refuseUnknown(node.keySet(), item);
        if (!node.containsKey("service") && misspelt(node, itemKeys, "service")) {
            return null;
        }
        Service service = service(node.get("service"), item.at("service"));
        if (service == null) {
            return null;
        }
        ServiceRules rules = service.rules();
        refuseOtherServicesTargets(node, service, item);
        String image = text(node, "image", item, false);
        String fromTarget = text(node, rules.target(), item, false);
        if (image == null && fromTarget == null && item.isEmpty()) {
            item.at("image").add("is required: the image to update, or \"" + rules.target() + "\": the " + rules.target()
                    + " whose image to update");
        } else if (image != null && fromTarget != null) {
            item.add("give either \"image\" or \"" + rules.target() + "\", not both (a " + rules.target()
                    + " that should take the new image goes in \"" + rules.productionField() + "\")");
        }
        String displayName = text(node, "displayName", item, false);
        String description = text(node, "description", item, false);
        Map<String, String> tags = tags(node.get("tags"), item.at("tags"));
        item.at("image").check(image, rules::imageProblem);
        item.at(rules.target()).check(fromTarget, rules::targetProblem);
        item.at("displayName").check(displayName, rules::displayNameProblem);
        item.at("description").check(description, rules::descriptionProblem);
        List<String> staging = targets(node, rules.stagingField(), rules, item);
        List<String> production = targets(node, rules.productionField(), rules, item);
        staging.stream().filter(production::contains).forEach(both -> item.at(rules.productionField()).add("\"" + both
                + "\" is also in " + rules.stagingField() + "; a " + rules.target() + " is either staged or in production"));
        if (fromTarget != null && (staging.contains(fromTarget) || production.contains(fromTarget))) {
            item.at(rules.target()).add("\"" + fromTarget + "\" is the source and also listed as a target; the "
                    + rules.target() + " named as the source is already a production target");
        }
        int keep = keep(node.get("keep"), item.at("keep"));
        String account = text(node, "account", item, false);
        String region = text(node, "region", item, false);
        item.at("account").check(account, ImageRequests::accountProblem);
        item.at("region").check(region, ImageRequests::regionProblem);
        List<String> copyToRegions = strings(node, "copyToRegions", ImageRequests::regionProblem, item);
        List<String> shareWithAccounts = strings(node, "shareWithAccounts", ImageRequests::accountProblem, item);
        if (region != null && copyToRegions.contains(region)) {
            item.at("copyToRegions").add("\"" + region + "\" is the image's own Region; list only the Regions that get a copy");
        }
        if (account != null && shareWithAccounts.contains(account)) {
            item.at("shareWithAccounts").add("\"" + account + "\" owns the image; list only the accounts it is shared with");
        }
        StagingGate gate = GateFields.parse(node, service, staging, item);
        List<String> productionBundles = new ArrayList<>(production);
        if (fromTarget != null) {
            productionBundles.add(fromTarget);
        }
        RebuildSettings rebuild = RebuildFields.parse(node, service, productionBundles, item);
        int productionTargets = production.size() + (fromTarget == null ? 0 : 1);
        int rolloutTags = PipelineTags.rolloutTags(staging.size(), productionTargets);
        if (item.isEmpty() && tags.size() + rolloutTags > USER_TAGS_MAX) {
            item.at("tags").add(tags.size() + " tags, " + staging.size() + " staging and " + productionTargets + " production "
                    + rules.target() + "s: the new image records the roll-out in " + rolloutTags + " tags (one per staging "
                    + rules.target() + ", two per production " + rules.target() + ", and two more with production " + rules.target()
                    + "s), and images take at most " + ImageRules.MAX_TAGS + " tags (" + PipelineTags.COUNT
                    + " more of them the pipeline's)");
        }
        return item.isEmpty()
                ? new ImageRequest(service, image, fromTarget, displayName, description, tags, staging, production, null, keep, account,
                        region, copyToRegions, shareWithAccounts, null, gate, rebuild)
                : null;
    }

    /** Whether an unknown field of the item stands for {@code field}: its own problem says so, once. */
    private static boolean misspelt(Map<String, Object> node, KnownKeys itemKeys, String field) {
        for (String name : node.keySet()) {
            if (!itemKeys.knows(name) && itemKeys.nearest(name).filter(field::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Fleets belong to AppStream images and bundles to WorkSpaces images. */
    private static void refuseOtherServicesTargets(Map<String, Object> node, Service service, Problems item) {
        for (Service other : Service.values()) {
            ServiceRules rules = other.rules();
            if (other == service) {
                continue;
            }
            for (String field : List.of(rules.target(), rules.stagingField(), rules.productionField())) {
                if (node.containsKey(field)) {
                    item.at(field).add("is for " + other + " images; " + service + " images roll out to "
                            + service.rules().target() + "s (" + service.rules().stagingField() + ", " + service.rules().productionField()
                            + ")");
                }
            }
        }
    }

    private static List<String> targets(Map<String, Object> node, String field, ServiceRules rules, Problems item) {
        return distinct(node.get(field), "a list of " + rules.target() + "s, e.g. [\"" + (rules.target().equals("fleet") ? "Base-Test"
                : "wsb-0a1b2c3d4") + "\"]", rules::targetProblem, item.at(field));
    }

    static String accountProblem(String account) {
        return Location.ACCOUNT.matcher(account).matches() ? null : "must be a 12-digit AWS account id, got \"" + account + "\"";
    }

    static String regionProblem(String region) {
        return Location.REGION.matcher(region).matches() ? null : "must be an AWS Region name such as eu-west-1, got \"" + region + "\"";
    }

    private static List<String> strings(Map<String, Object> node, String field, Function<String, String> rule, Problems item) {
        return distinct(node.get(field), "a list of strings", rule, item.at(field));
    }

    /**
     * An optional list of distinct strings, each checked by {@code rule}.
     *
     * @param shape what the list must be, e.g. {@code a list of strings}
     */
    static List<String> distinct(Object given, String shape, Function<String, String> rule, Problems field) {
        List<String> values = new ArrayList<>();
        if (given == null) {
            return values;
        }
        if (!(given instanceof List<?> list)) {
            field.add("must be " + shape);
            return values;
        }
        for (int i = 0; i < list.size(); i++) {
            Problems entry = field.index(i);
            if (!(list.get(i) instanceof String value)) {
                entry.add("must be a string");
            } else if (values.contains(value)) {
                entry.add("\"" + value + "\" is listed twice");
            } else {
                entry.check(value, rule);
                values.add(value);
            }
        }
        return values;
    }

    /** How many of the lineage's images to keep; at least 1, the new one. */
    private static int keep(Object node, Problems keep) {
        if (node == null) {
            return 0;
        }
        OptionalInt count = JsonValues.wholeNumber(node);
        if (count.isEmpty() || count.getAsInt() < 1 || count.getAsInt() > MAX_KEEP) {
            keep.add("must be a whole number from 1 to " + MAX_KEEP + " (the newest images of the lineage to keep; leave"
                    + " it out to keep them all), got " + JsonValues.shown(node));
            return 0;
        }
        return count.getAsInt();
    }

    private static Service service(Object node, Problems service) {
        if (!(node instanceof String text)) {
            service.add("is required and must be \"APPSTREAM\" or \"WORKSPACES\"");
            return null;
        }
        try {
            return Service.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            service.add("must be \"APPSTREAM\" or \"WORKSPACES\", got \"" + text + "\"");
            return null;
        }
    }

    private static String text(Map<String, Object> parent, String field, Problems item, boolean required) {
        Object node = parent.get(field);
        boolean absent = node == null || (!required && node instanceof String text && text.isBlank());
        if (absent) {
            // A blank optional field gets its default, as if it were left out.
            if (required) {
                item.at(field).add("is required");
            }
            return null;
        }
        if (!(node instanceof String text) || (required && text.isBlank())) {
            item.at(field).add("must be a " + (required ? "non-empty " : "") + "string");
            return null;
        }
        if (text.contains("${")) {
            // The configured images reach the state machine through a CloudFormation substitution.
            item.at(field).add("may not contain \"${\" (CloudFormation would take it for a substitution)");
            return null;
        }
        return text;
    }

    private static Map<String, String> tags(Object given, Problems at) {
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, Object> node = JsonValues.object(given);
        if (given == null) {
            return tags;
        }
        if (node == null) {
            at.add("must be an object of tag keys to string values, e.g. {\"team\": \"euc\"}");
            return tags;
        }
        if (node.size() > USER_TAGS_MAX) {
            at.add("at most " + USER_TAGS_MAX + " tags (the services allow " + ImageRules.MAX_TAGS
                    + " and the pipeline adds " + PipelineTags.COUNT + "), got " + node.size());
        }
        node.forEach((key, tagValue) -> {
            checkTagKey(key, at);
            if (!(tagValue instanceof String value)) {
                at.at(key).add("tag values must be strings");
                return;
            }
            checkTagText(value, ImageRules.TAG_VALUE_MAX, 0, at.at(key + " (value)"));
            tags.put(key, value);
        });
        return tags;
    }

    /** @param tags the item's tags, whose key each problem names */
    private static void checkTagKey(String key, Problems tags) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws:")) {
            tags.at(key).add("tag keys may not start with 'aws:' (reserved by AWS)");
        } else if (lower.startsWith(PipelineTags.PREFIX)) {
            tags.at(key).add("tag keys may not start with '" + PipelineTags.PREFIX + "' (set by the pipeline)");
        }
        checkTagText(key, ImageRules.TAG_KEY_MAX, 1, tags.at(key + " (key)"));
    }

    private static void checkTagText(String text, int max, int min, Problems at) {
        if (ImageRules.length(text) < min || ImageRules.length(text) > max) {
            at.add("must be " + min + "-" + max + " characters, got " + ImageRules.length(text));
        } else if (!ImageRules.TAG_TEXT.matcher(text).matches()) {
            at.add("may contain only letters, digits, spaces and _ . : / = + - @, got \"" + text + "\"");
        }
    }
}
