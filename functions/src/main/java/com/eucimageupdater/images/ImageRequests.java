package com.eucimageupdater.images;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a list of images (execution input or cdk.json) and checks every field against the APIs' rules
 * before anything reaches AWS. All problems are reported at once, each naming the field and the rule.
 */
public final class ImageRequests {
    private static final int USER_TAGS_MAX = ImageRules.MAX_TAGS - PipelineTags.COUNT;
    /** Any fixed date stands for the run date when comparing the names two sources would get. */
    private static final String ANY_DATE = "2000-01-01";

    private ImageRequests() {}

    /**
     * @param images a JSON array of image objects; null or missing counts as empty
     * @param path how the array is named in messages, e.g. {@code images} or {@code context.images}
     */
    public static ParsedImages parse(JsonNode images, String path) {
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
            ImageRequest request = parseOne(images.get(i), at, problems);
            if (request == null) {
                continue;
            }
            String earlier = firstSeenAt.putIfAbsent(request.service() + "/" + request.image(), at);
            String sameNewName = request.service() == Service.APPSTREAM ? firstSeenAt.putIfAbsent(newNameKey(request), at) : null;
            if (earlier != null) {
                problems.add(at + ": " + request.service() + " image \"" + request.image() + "\" is listed twice (also " + earlier
                        + "); each image may appear once per run");
            } else if (sameNewName != null) {
                problems.add(at + ".image: \"" + request.image() + "\" and " + sameNewName + " would both be updated to \""
                        + newNameKey(request).replace(ANY_DATE, "<run date>") + "\" (a date suffix is replaced); keep one of them");
            } else {
                requests.add(request);
            }
        }
        return new ParsedImages(path, requests, problems);
    }

    /**
     * AppStream names are unique per account and a source's date suffix is replaced, so two sources that differ
     * only by a date (or past the length limit) would claim the same new name on every run date.
     */
    private static String newNameKey(ImageRequest request) {
        return ImageNames.newImageName(Service.APPSTREAM, request.image(), ANY_DATE);
    }

    private static ImageRequest parseOne(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": must be an object with at least \"service\" and \"image\"");
            return null;
        }
        int before = problems.size();
        Service service = service(node.get("service"), at + ".service", problems);
        String image = text(node, "image", at, problems, true);
        String displayName = text(node, "displayName", at, problems, false);
        String description = text(node, "description", at, problems, false);
        Map<String, String> tags = tags(node.get("tags"), at + ".tags", problems);
        if (service != null) {
            checkImage(service, image, at + ".image", problems);
            checkDisplayName(service, displayName, at + ".displayName", problems);
            checkDescription(service, description, at + ".description", problems);
        }
        return problems.size() == before ? new ImageRequest(service, image, displayName, description, tags) : null;
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

    private static void checkImage(Service service, String image, String at, List<String> problems) {
        if (image == null) {
            return;
        }
        switch (service) {
            case APPSTREAM -> {
                if (!ImageRules.APPSTREAM_NAME.matcher(image).matches()) {
                    problems.add(at + ": \"" + image + "\" is not an AppStream image name: 1-101 letters, digits, '_', '.'"
                            + " or '-', starting with a letter or digit (no spaces or colons)");
                }
            }
            case WORKSPACES -> {
                if (!ImageRules.WORKSPACES_IMAGE_ID.matcher(image).matches()) {
                    problems.add(at + ": \"" + image + "\" is not a WorkSpaces image id: 'wsi-' then 9-63 lowercase"
                            + " letters or digits (WorkSpaces images are given by id, not name)");
                }
            }
        }
    }

    private static void checkDisplayName(Service service, String displayName, String at, List<String> problems) {
        if (displayName == null) {
            return;
        }
        if (service == Service.WORKSPACES) {
            problems.add(at + ": WorkSpaces images have no display name; remove it or use description");
        } else if (length(displayName) > ImageRules.APPSTREAM_DISPLAY_NAME_MAX) {
            problems.add(at + ": must be at most " + ImageRules.APPSTREAM_DISPLAY_NAME_MAX + " characters, got " + length(displayName));
        }
    }

    private static void checkDescription(Service service, String description, String at, List<String> problems) {
        if (description == null) {
            return;
        }
        switch (service) {
            case APPSTREAM -> {
                if (length(description) > ImageRules.APPSTREAM_DESCRIPTION_MAX) {
                    problems.add(at + ": must be at most " + ImageRules.APPSTREAM_DESCRIPTION_MAX + " characters, got "
                            + length(description));
                }
            }
            case WORKSPACES -> {
                if (length(description) > ImageRules.WORKSPACES_DESCRIPTION_MAX) {
                    problems.add(at + ": must be 1-" + ImageRules.WORKSPACES_DESCRIPTION_MAX + " characters, got "
                            + length(description));
                } else if (!ImageRules.WORKSPACES_DESCRIPTION.matcher(description).matches()) {
                    problems.add(at + ": WorkSpaces descriptions may contain only letters, digits, spaces and _ . / ( ) -"
                            + " (no colon, so no timestamps), got \"" + description + "\"");
                }
            }
        }
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
        if (length(text) < min || length(text) > max) {
            problems.add(at + ": must be " + min + "-" + max + " characters, got " + length(text));
        } else if (!ImageRules.TAG_TEXT.matcher(text).matches()) {
            problems.add(at + ": may contain only letters, digits, spaces and _ . : / = + - @, got \"" + text + "\"");
        }
    }

    /** Characters as AWS counts them: a letter outside the Basic Multilingual Plane is one, not two. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
