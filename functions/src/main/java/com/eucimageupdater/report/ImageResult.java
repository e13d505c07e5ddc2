package com.eucimageupdater.report;

import com.eucimageupdater.images.ImageUpdateException;
import com.eucimageupdater.images.RetryableAwsException;
import com.eucimageupdater.images.Service;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One image's result, normalised from whichever state ended its branch of the Map. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageResult(
        Service service,
        String image,
        String sourceName,
        Outcome outcome,
        String newImage,
        String newImageName,
        String state,
        String reason,
        String adoptedFrom,
        int quotaWaitSeconds) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUR_FAILURE = ImageUpdateException.class.getName();
    private static final String AWS_REFUSED_FOR_NOW = RetryableAwsException.class.getName();

    static ImageResult from(JsonNode raw) {
        JsonNode start = raw.path("start");
        Outcome outcome = Outcome.valueOf(raw.path("outcome").asText(Outcome.FAILED.name()));
        if (outcome == Outcome.UPDATED && start.path("adopted").asBoolean()) {
            outcome = Outcome.ADOPTED;
        }
        String reason = raw.has("error") ? reasonFromError(raw.get("error")) : text(raw, "reason");
        String newImageName = text(start, "newImageName") != null ? text(start, "newImageName") : text(raw, "newImageName");
        if (reason == null && outcome == Outcome.UP_TO_DATE) {
            reason = text(raw, "detail");
        }
        return new ImageResult(Service.valueOf(raw.path("service").asText()), raw.path("image").asText(), text(raw, "sourceName"), outcome,
                text(start, "newImage"), newImageName, text(raw.path("poll"), "state"), reason, text(start, "adoptedFrom"),
                start.path("quotaWaitSeconds").asInt(0));
    }

    /** The image as the admin knows it: a WorkSpaces id with its name. */
    String displayedImage() {
        return sourceName == null || sourceName.equals(image) ? image : image + " (" + sourceName + ")";
    }

    /** A caught error's Cause is a Lambda error document for our functions, plain text for Step Functions' own. */
    static String reasonFromError(JsonNode error) {
        String name = error.path("Error").asText("error");
        String cause = error.path("Cause").asText("");
        String message = cause;
        try {
            JsonNode document = JSON.readTree(cause);
            if (document != null && document.hasNonNull("errorMessage")) {
                message = document.get("errorMessage").asText();
            }
        } catch (java.io.IOException notJson) {
            // Step Functions' own errors (States.Timeout, Lambda.*) carry plain text.
        }
        if (name.equals(OUR_FAILURE)) {
            return message;
        }
        if (name.equals(AWS_REFUSED_FOR_NOW)) {
            return RetryableAwsException.STATE_MACHINE_ATTEMPTS + " attempts over up to " + RetryableAwsException.longestSpanMinutes()
                    + " minutes failed, each after the SDK's own retries (last: " + message + "); AWS was throttling or unavailable"
                    + " all that time: run again later";
        }
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        return message.isBlank() ? shortName : shortName + ": " + message;
    }

    private static String text(JsonNode raw, String field) {
        return raw.hasNonNull(field) ? raw.get(field).asText() : null;
    }
}
