package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonView;
import java.util.ArrayList;
import java.util.List;

/**
 * What the run told other systems, as the publish steps' answers say it: the events each bus took, the parameters
 * written (each with its version), and each event or parameter refused, with AWS's error. It never says an event went
 * out unless EventBridge gave it an id.
 */
final class PublishedSection {
    private static final String INDENT = "  ";

    private PublishedSection() {}

    /**
     * @param publications the publish steps' answers (a caught error when a step itself failed); missing ones are skipped
     * @return how many events and parameters were refused or never tried because the step failed
     */
    static int write(List<JsonView> publications, StringBuilder body) {
        List<String> lines = new ArrayList<>();
        int failures = 0;
        boolean reportOnly = false;
        for (JsonView publication : publications) {
            if (publication == null || publication.isMissing()) {
                continue;
            }
            if (publication.has("Error")) {
                lines.add("the publish step failed (" + ImageResult.reasonFromError(publication) + "): none of its events or"
                        + " parameters went out");
                failures++;
                continue;
            }
            reportOnly |= publication.path("reportOnly").asBoolean();
            String verb = publication.path("reportOnly").asBoolean() ? "would publish: " : "published: ";
            List<String> counts = new ArrayList<>();
            publication.path("events").fields().forEach((type, count) -> counts.add(JsonView.of(count).asInt() + " " + type));
            if (!counts.isEmpty()) {
                lines.add(verb + String.join(", ", counts));
            }
            String parameterVerb = publication.path("reportOnly").asBoolean() ? "would write parameter " : "parameter ";
            publication.path("parameters").forEach(parameter -> lines.add(parameterVerb + parameter.asText()));
            more(publication.path("moreParameters").asInt(), "more parameters", lines);
            publication.path("failures").forEach(failure -> lines.add(failure.asText()));
            more(publication.path("moreFailures").asInt(), "more not published", lines);
            failures += publication.path("failures").size() + publication.path("moreFailures").asInt();
        }
        if (!lines.isEmpty()) {
            body.append("\nEvents (EventBridge, default bus) and lineage parameters (Parameter Store)")
                    .append(reportOnly ? ", report only: nothing was published" : "").append(":\n");
            lines.forEach(line -> body.append(INDENT).append(line).append('\n'));
        }
        return failures;
    }

    private static void more(int count, String what, List<String> lines) {
        if (count > 0) {
            lines.add("... and " + count + " " + what);
        }
    }
}
