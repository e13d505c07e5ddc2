package com.eucimageupdater.report;

import com.eucimageupdater.build.SkippedLineage;
import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.RetryableAwsException;
import com.eucimageupdater.model.Service;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One image's result, normalised from whichever state ended its branch of the Map: small, so that a thousand of them
 * fit in the run's data.
 *
 * @param account, region where the image is: left out of a location's summary (it says so once), set in the report
 * @param details what the roll-out did or would do for this image, as the mail's indented lines
 * @param update what the service said the update brings (the check's answer), cut to {@value #UPDATE_MAX} characters
 * @param buildMinutes from the start to the poll that saw the image's last state, to a tenth of a minute
 * @param sameReasonAs the image listed earlier in its account and Region that failed for the same reason, whose line
 *                     says it (a missing member role fails every image of an account alike): the reason is kept once
 * @param copyConflicts the Regions of {@code copyToRegions} where another image held the copy's name: each a failure of the run
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageResult(
        Service service,
        String account,
        String region,
        String image,
        String sourceName,
        Outcome outcome,
        String newImage,
        String newImageName,
        String state,
        String reason,
        String adoptedFrom,
        int quotaWaitSeconds,
        String details,
        String update,
        Double buildMinutes,
        String sameReasonAs,
        int copyConflicts) {
    /** A WorkSpaces update's description has no documented bound: a thousand of them must still fit in the run's data. */
    static final int UPDATE_MAX = 300;
    private static final String OUR_FAILURE = ImageUpdateException.class.getName();
    private static final String AWS_REFUSED_FOR_NOW = RetryableAwsException.class.getName();

    public static ImageResult from(JsonView raw) {
        JsonView start = raw.path("start");
        Outcome outcome = Outcome.valueOf(raw.path("outcome").asText(Outcome.FAILED.name()));
        if (outcome == Outcome.UPDATED && start.path("adopted").asBoolean()) {
            outcome = Outcome.ADOPTED;
        }
        String reason = raw.has("error") ? reasonFromError(raw.path("error")) : text(raw, "reason");
        String newImageName = text(start, "newImageName") != null ? text(start, "newImageName") : text(raw, "newImageName");
        if (reason == null && outcome == Outcome.UP_TO_DATE) {
            reason = text(raw, "detail");
        }
        String newImage = text(start, "newImage");
        StringBuilder details = new StringBuilder();
        RolloutSection.imageDetails(raw, details);
        String distinctName = newImageName == null || newImageName.equals(newImage) ? null : newImageName;
        String update = outcome == Outcome.UP_TO_DATE || outcome == Outcome.FAILED ? null : cut(text(raw, "detail"));
        return new ImageResult(Service.valueOf(raw.path("service").asText()), null, null, raw.path("image").asText(), text(raw, "sourceName"),
                outcome, newImage, distinctName, text(raw, "state"), reason, text(start, "adoptedFrom"), start.path("quotaWaitSeconds").asInt(0),
                details.isEmpty() ? null : details.toString(), update, buildMinutes(text(start, "startedAt"), text(raw, "observedAt")),
                null, RolloutSection.copyConflicts(raw));
    }

    private static String cut(String text) {
        return text == null || text.length() <= UPDATE_MAX ? text : text.substring(0, UPDATE_MAX - 3) + "...";
    }

    /** From the start step's time to the last poll's, when both are in the image's result. */
    private static Double buildMinutes(String started, String observed) {
        if (started == null || observed == null) {
            return null;
        }
        try {
            long seconds = Duration.between(Instant.parse(started), Instant.parse(observed)).toSeconds();
            return seconds < 0 ? null : Math.round(seconds / 6.0) / 10.0;
        } catch (DateTimeParseException notOurs) {
            return null;
        }
    }

    /** An image a scheduled run skipped, with why and how to try it again. */
    public static ImageResult skipped(SkippedLineage skipped) {
        return new ImageResult(skipped.service(), null, null, skipped.image(), null, Outcome.SKIPPED, null, null, null, skipped.reason(),
                null, 0, null, null, null, null, 0);
    }

    /** The result with one more of the mail's indented lines. */
    public ImageResult withNote(String note) {
        return new ImageResult(service, account, region, image, sourceName, outcome, newImage, newImageName, state, reason, adoptedFrom,
                quotaWaitSeconds, (details == null ? "" : details) + "           " + note + "\n", update, buildMinutes, sameReasonAs,
                copyConflicts);
    }

    /** The result with its account and Region, which its location's summary holds once for all of its images. */
    ImageResult at(String where, String inRegion) {
        return new ImageResult(service, where, inRegion, image, sourceName, outcome, newImage, newImageName, state, reason, adoptedFrom,
                quotaWaitSeconds, details, update, buildMinutes, sameReasonAs, copyConflicts);
    }

    /** The result with the reason its line points to, for the report's own list of results. */
    ImageResult withReason(String pointedTo) {
        return new ImageResult(service, account, region, image, sourceName, outcome, newImage, newImageName, state, pointedTo, adoptedFrom,
                quotaWaitSeconds, details, update, buildMinutes, sameReasonAs, copyConflicts);
    }

    /** The result without its reason, which the line of {@code earlierImage} gives. */
    public ImageResult withReasonOf(String earlierImage) {
        return new ImageResult(service, account, region, image, sourceName, outcome, newImage, newImageName, state, null, adoptedFrom,
                quotaWaitSeconds, details, update, buildMinutes, earlierImage, copyConflicts);
    }

    /** The new image's name, which the mail shows; the same as its identifier for AppStream. */
    public String newImageDisplayed() {
        return newImageName != null ? newImageName : newImage;
    }

    /** The image as the admin knows it: a WorkSpaces id with its name. */
    String displayedImage() {
        return sourceName == null || sourceName.equals(image) ? image : image + " (" + sourceName + ")";
    }

    /** A caught error's Cause is a Lambda error document for our functions, plain text for Step Functions' own. */
    public static String reasonFromError(JsonView error) {
        String name = error.path("Error").asText("error");
        String cause = error.path("Cause").asText("");
        String message = cause;
        try {
            JsonView document = JsonView.of(JsonValues.parse(cause));
            if (document != null && document.has("errorMessage")) {
                message = document.path("errorMessage").asText();
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

    private static String text(JsonView raw, String field) {
        return raw.has(field) ? raw.path(field).asText() : null;
    }
}
