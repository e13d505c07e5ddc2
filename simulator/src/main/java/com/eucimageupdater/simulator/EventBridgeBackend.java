package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * EventBridge's PutEvents onto the default bus of one account in one Region. Each entry is judged on its own, as the
 * service does: an entry without Source, DetailType and Detail, with a Detail that is not a JSON object, a DetailType
 * over 128 characters, an AWS source ({@code aws.}) or another bus fails alone, with its ErrorCode and ErrorMessage in
 * the answer and FailedEntryCount counting it; a request none of whose entries has all three fields, or whose entries
 * exceed 256 KB together, fails whole. Accepted events are recorded (in the organization's {@link #published} list).
 */
final class EventBridgeBackend implements ServiceBackend {
    /** The PutEventsRequestEntry documentation: "a maximum of 128 characters". */
    private static final int MAX_DETAIL_TYPE = 128;
    /** PutEvents: "the total entry size must be less than 256KB". */
    private static final int MAX_ENTRIES_BYTES = 256 * 1024;
    private static final String DEFAULT_BUS = "default";

    private final ServiceModel model = ServiceModel.of(ServiceModel.EVENTS);
    private final String account;
    private final String region;
    private final List<PublishedEvent> published;
    /** Event ids from the place's seed, so runs are reproducible. */
    private final Random eventIds;

    EventBridgeBackend(Scenario.Location location, List<PublishedEvent> published) {
        this.account = location.accountId();
        this.region = location.region();
        this.published = published;
        this.eventIds = new Random(location.newIdSeed());
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Set<String> operations() {
        return Set.of("PutEvents");
    }

    @Override
    public boolean isMutating(String operation, JsonNode request) {
        return true;
    }

    @Override
    public void checkRules(String operation, JsonNode request) {
        boolean anyComplete = false;
        int bytes = 0;
        for (JsonNode entry : request.path("Entries")) {
            anyComplete |= complete(entry);
            bytes += entrySize(entry);
        }
        if (!anyComplete) {
            throw ServiceError.of(model, "ValidationException", "Parameters Source, DetailType and Detail are required for at least one"
                    + " entry of the request");
        }
        if (bytes >= MAX_ENTRIES_BYTES) {
            throw ServiceError.of(model, "ValidationException", "Total size of the entries in the request is over the limit.");
        }
    }

    @Override
    public synchronized JsonNode handle(String operation, JsonNode request, Caller caller) {
        ObjectNode answer = Json.object();
        ArrayNode results = answer.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : request.path("Entries")) {
            String[] refusal = refusal(entry);
            ObjectNode result = results.addObject();
            if (refusal != null) {
                failed++;
                result.put("ErrorCode", refusal[0]).put("ErrorMessage", refusal[1]);
                continue;
            }
            String eventId = new UUID(eventIds.nextLong(), eventIds.nextLong()).toString();
            result.put("EventId", eventId);
            published.add(new PublishedEvent(account, region, DEFAULT_BUS, eventId, entry.get("Source").asText(),
                    entry.get("DetailType").asText(), detail(entry)));
        }
        return answer.put("FailedEntryCount", failed);
    }

    /** The entry's ErrorCode and ErrorMessage, or null when the bus takes it. */
    private static String[] refusal(JsonNode entry) {
        if (!complete(entry)) {
            return new String[] {"InvalidArgument", "Parameters Source, DetailType and Detail are required."};
        }
        if (entry.hasNonNull("EventBusName") && !isDefaultBus(entry.get("EventBusName").asText())) {
            return new String[] {"InvalidArgument", "Event bus " + entry.get("EventBusName").asText() + " does not exist."};
        }
        if (entry.get("DetailType").asText().length() > MAX_DETAIL_TYPE) {
            return new String[] {"InvalidArgument", "DetailType is longer than " + MAX_DETAIL_TYPE + " characters."};
        }
        if (entry.get("Source").asText().startsWith("aws.")) {
            return new String[] {"NotAuthorizedForSourceException", "Not authorized for the source."};
        }
        if (detail(entry) == null) {
            return new String[] {"MalformedDetail", "Detail is malformed."};
        }
        return null;
    }

    private static boolean complete(JsonNode entry) {
        return !entry.path("Source").asText("").isEmpty() && !entry.path("DetailType").asText("").isEmpty()
                && !entry.path("Detail").asText("").isEmpty();
    }

    private static boolean isDefaultBus(String bus) {
        return bus.equals(DEFAULT_BUS) || bus.endsWith(":event-bus/" + DEFAULT_BUS);
    }

    /** The Detail as a JSON object, or null when it is not one. */
    private static JsonNode detail(JsonNode entry) {
        try {
            JsonNode detail = Json.MAPPER.readTree(entry.path("Detail").asText(""));
            return detail != null && detail.isObject() ? detail : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** As the EventBridge guide counts an entry: its Source, DetailType and Detail in UTF-8, and 14 bytes for a Time. */
    private static int entrySize(JsonNode entry) {
        int size = entry.hasNonNull("Time") ? 14 : 0;
        for (String field : List.of("Source", "DetailType", "Detail")) {
            size += entry.path(field).asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
