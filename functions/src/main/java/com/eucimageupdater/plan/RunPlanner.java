package com.eucimageupdater.plan;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageNames;
import com.eucimageupdater.images.ImageRequest;
import com.eucimageupdater.images.ImageRequests;
import com.eucimageupdater.images.ParsedImages;
import com.eucimageupdater.images.Service;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a run does: the images from the input, or the configured ones when the input names none (the
 * schedule's {@code {}}, the console's default {@code {"Comment": ...}}), each validated and planned.
 */
public final class RunPlanner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PROBLEMS_REPORTED = 100;

    public RunPlan plan(PlanRequest request) {
        List<String> problems = new ArrayList<>();
        String runDate = runDate(request.startTime(), zone(request.timeZone(), problems));
        int pollIntervalSeconds = setting("pollIntervalSeconds", request.pollIntervalSeconds(), 1, 86_400, problems);
        int maxWaitMinutes = setting("maxWaitMinutes", request.maxWaitMinutes(), 1, 525_600, problems);
        int maxConcurrency = setting("maxConcurrency", request.maxConcurrency(), 1, 1_000, problems);
        ParsedImages images = images(request, problems);
        problems.addAll(images.problems());
        if (problems.isEmpty()) {
            problems.addAll(todaysOwnImages(images, runDate));
            problems.addAll(RunLimits.problems("images", images.requests().size(), maxConcurrency, pollIntervalSeconds, maxWaitMinutes));
        }
        if (!problems.isEmpty()) {
            return new RunPlan(request.executionName(), runDate, Math.max(1, maxConcurrency), List.of(), firstProblems(problems));
        }
        int maxPolls = RunLimits.maxPolls(pollIntervalSeconds, maxWaitMinutes);
        String maxWaitText = maxWaitMinutes % 60 == 0 ? maxWaitMinutes / 60 + " h" : maxWaitMinutes + " min";
        List<ImageJob> jobs = images.requests().stream()
                .map(image -> job(image, runDate, request.executionName(), pollIntervalSeconds, maxPolls, maxWaitText))
                .toList();
        return new RunPlan(request.executionName(), runDate, maxConcurrency, jobs, List.of());
    }

    /** Enough to act on, and small enough for the execution's data and the mail (256 KB each). */
    private static List<String> firstProblems(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS_REPORTED) {
            return problems;
        }
        List<String> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS_REPORTED));
        first.add("... and " + (problems.size() - MAX_PROBLEMS_REPORTED) + " more problems of the same kinds");
        return first;
    }

    /** A source that is itself today's updated image would be "updated" onto its own name. */
    private static List<String> todaysOwnImages(ParsedImages images, String runDate) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < images.requests().size(); i++) {
            ImageRequest request = images.requests().get(i);
            if (request.service() == Service.APPSTREAM
                    && ImageNames.newImageName(Service.APPSTREAM, request.image(), runDate).equals(request.image())) {
                problems.add(images.path() + "[" + i + "].image: \"" + request.image() + "\" is itself today's updated image;"
                        + " list the image it was made from instead");
            }
        }
        return problems;
    }

    private static ParsedImages images(PlanRequest request, List<String> problems) {
        JsonNode input = request.input();
        if (input != null && !input.isNull() && !input.isObject()) {
            problems.add("input: must be a JSON object such as {\"images\": [...]} or {} for the configured images");
            return new ParsedImages("input", List.of(), List.of());
        }
        JsonNode given = input == null ? null : input.get("images");
        if (given != null && !(given.isArray() && given.isEmpty()) && !given.isNull()) {
            return ImageRequests.parse(given, "images");
        }
        ParsedImages configured = ImageRequests.parse(configuredImages(request.configuredImages(), problems), "configuredImages");
        if (configured.valid() && configured.requests().isEmpty() && problems.isEmpty()) {
            problems.add("images: the input names no images and none are configured; pass {\"images\": [...]} or set the"
                    + " \"images\" context in cdk.json and deploy again");
        }
        return configured;
    }

    private static JsonNode configuredImages(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add("configuredImages: is not valid JSON (" + e.getOriginalMessage() + "); check the \"images\" context in cdk.json");
            return null;
        }
    }

    private static ImageJob job(ImageRequest image, String runDate, String executionName, int pollIntervalSeconds,
            int maxPolls, String maxWaitText) {
        return new ImageJob(image.service(), image.image(), image.displayName(), image.description(), image.tags(), runDate,
                executionName, pollIntervalSeconds, maxPolls, maxWaitText, null, null, null);
    }

    private static String runDate(String startTime, ZoneId zone) {
        try {
            return Instant.parse(startTime).atZone(zone).toLocalDate().toString();
        } catch (NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("startTime: must be the execution's ISO-8601 start time, got " + startTime, e);
        }
    }

    /** The schedule's time zone; an unset one is UTC. */
    private static ZoneId zone(String timeZone, List<String> problems) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add("settings.timeZone: must be an IANA time zone such as Europe/Paris, got \"" + timeZone + "\"");
            return ZoneOffset.UTC;
        }
    }

    private static int setting(String name, String value, int min, int max, List<String> problems) {
        try {
            int parsed = Integer.parseInt(value == null ? "" : value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        problems.add("settings." + name + ": must be a whole number from " + min + " to " + max + ", got \"" + value + "\"");
        return min;
    }
}
